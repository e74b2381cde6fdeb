"""The components content can call. Each takes the page's Context first; parameters after it
are what a page writes in ``{{ name(...) }}``. ``COMPONENTS`` is what define_env registers."""

from .calculator import validity_calculator
from .calendar import opening_calendar
from .documents import documents
from .fees import fee_table, reissue_fees
from .hotlines import hotline_hours, hotline_languages, hotline_menu
from .hours import closed_days, hours_table
from .links import link
from .lists import sentences
from .offices import access_list, address, office_list, publisher
from .print_editions import print_editions
from .procedures import where
from .validity import renewal_examples

COMPONENTS = {
    f.__name__: f
    for f in (documents, fee_table, reissue_fees, hotline_hours, hotline_languages, hotline_menu, closed_days,
              hours_table, link, opening_calendar, sentences, access_list, address, office_list, publisher, print_editions, renewal_examples, validity_calculator, where)
}
# Everything a page may call: the facts, the wording and the components (guidebook.page_jinja).
PAGE_MACROS = frozenset({"fact", "words", "words_list", *COMPONENTS})
