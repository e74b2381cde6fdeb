"""The module mkdocs-macros loads (mkdocs.yml, ``module_name: macros``): the guidebook's page
macros, defined in guidebook.page_macros."""

from guidebook.page_macros import define_env, on_pre_page_macros

__all__ = ["define_env", "on_pre_page_macros"]
