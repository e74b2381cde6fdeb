"""The schema of data/: one pydantic model per file. Unknown keys are errors, every value
has a type, and rules that tie fields together are checked here."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, computed_field, field_validator, model_validator

from .japanese_script import KANA, KANJI
from .languages import SOURCE, TRANSLATIONS
from .values import (Age, Host, Kana, Romaji, Yen, Clock, Count, Date, Id, MenuKey, Money, MonthDayValue, Percent, Phone, Text, Weeks,
                     YearMonthValue, YearValue)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared pieces -------------------------------------------------------------------------


class TimeRange(Model):
    opens: Clock
    closes: Clock
    last_entry: Clock | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.opens >= self.closes:
            raise ValueError(f"opens ({self.opens:%H:%M}) must be before closes ({self.closes:%H:%M})")
        if self.last_entry and not self.opens < self.last_entry <= self.closes:
            raise ValueError(f"last_entry ({self.last_entry:%H:%M}) must lie between opens and closes")
        return self


class SaturdayHours(TimeRange):
    open_weeks: Weeks = Field(min_length=1)
    closed_weeks: Weeks

    @model_validator(mode="after")
    def _weeks_add_up(self):
        if sorted(self.open_weeks + self.closed_weeks) != [1, 2, 3, 4, 5]:
            raise ValueError("open_weeks and closed_weeks must together list each Saturday 1-5 once")
        return self


class TextItem(Model):
    """A sentence that belongs to data; {name} placeholders are facts named in params."""

    id: Id
    text_ja: Text
    params: dict[Id, str] = {}


# --- publication.yml -----------------------------------------------------------------------


class Publication(Model):
    title_ja: Text
    number: str = Field(pattern=r"^[0-9]+-[0-9]+$")
    issued: Date
    publisher: Id
    publisher_section_ja: Text
    municipality_code: str = Field(pattern=r"^[0-9]{6}$")
    prefecture_name: Text
    municipality_name: Text
    calendar_months: int = Field(ge=1, le=12, strict=True)
    print_calendar_months: int = Field(ge=1, le=24, strict=True)
    online_edition: HttpUrl
    accessibility_standard: Text

    @field_validator("online_edition")
    @classmethod
    def _https_root(cls, url):
        if url.scheme != "https" or not str(url).endswith("/"):
            raise ValueError(f"expected an https address ending in '/', found {url}")
        return url


# --- offices.yml ---------------------------------------------------------------------------


class Address(Model):
    town_ja: Text
    block: str = Field(pattern=r"^[0-9]+(-[0-9]+)*$")
    building_ja: Text | None = None
    floor: Count | None = None


class Access(Model):
    id: Id
    kind: Literal["bus_stop", "station_exit", "building"]
    place_ja: Text
    exit: str | None = Field(default=None, pattern=r"^[A-Z]?[0-9]+$")
    platform: str | None = Field(default=None, pattern=r"^[0-9]+$")
    walk_minutes: Count


class Hours(Model):
    weekdays: TimeRange
    saturdays: SaturdayHours | None = None


class NewYearBreak(Model):
    first: MonthDayValue
    last: MonthDayValue
    source: Text  # the guidebook says only 年末年始: where these days come from


class ClosedDays(Model):
    sundays: bool
    national_holidays: bool
    new_year: NewYearBreak


class Office(Model):
    kind: Literal["card_center", "branch"]
    name_ja: Text
    name_kana: Text
    section_ja: Text | None = None
    opened: Date | None = None
    address: Address
    phone: Phone | None = None
    reservation: Literal["priority", "none"]
    parking: bool | None = None
    bicycle_parking: bool | None = None
    hours: Hours
    closed: ClosedDays
    access: list[Access] = []


# --- fees.yml ------------------------------------------------------------------------------


class CertificateFee(Model):
    name_ja: Text
    counter: Money
    konbini: Money


class Reissue(Model):
    card: Money
    certificate: Money
    express_card: Money

    @computed_field
    @property
    def total(self) -> Money:
        return Yen(self.card + self.certificate)

    @computed_field
    @property
    def express_total(self) -> Money:
        return Yen(self.express_card + self.certificate)


class Fees(Model):
    certificates: dict[Id, CertificateFee]
    honseki_registration_printout: Money
    reissue: Reissue
    renewal_with_old_card_returned: Money
    free_reissue_cases: list[TextItem]


# --- konbini.yml ---------------------------------------------------------------------------


class MinMax(Model):
    min: Count
    max: Count

    @model_validator(mode="after")
    def _ordered(self):
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) must not exceed max ({self.max})")
        return self


class Konbini(Model):
    service_hours: TimeRange
    open_every_day: bool
    stores_ja: list[Text] = Field(min_length=1)
    machine_ja: Text
    certificates: list[Id]
    tax_registration_day: MonthDayValue
    tax_years_available: Count
    honseki_registration_business_days: MinMax
    steps: list[TextItem]
    exclusions: list[TextItem]


# --- hotlines.yml --------------------------------------------------------------------------


class HotlineHours(Model):
    weekdays: TimeRange
    weekends_holidays: TimeRange
    new_year_closed: bool


class MenuOption(Model):
    option: MenuKey
    topic_ja: Text


class Suspension(Model):
    option: MenuKey
    hours_a_day: Count
    days_a_year: Count


# A language a hotline answers in: Japanese or one of the guidebook's translations.
LanguageCode = Literal[(SOURCE, *TRANSLATIONS)]


class Hotline(Model):
    name_ja: Text
    operator_ja: Text | None = None
    phone: Phone
    toll_free: bool
    hours: HotlineHours | None = None
    hours_as: Id | None = None
    hours_a_day: Count | None = None
    menu: list[MenuOption] = []
    suspension: Suspension | None = None
    health_insurance_option: MenuKey | None = None
    languages: list[LanguageCode] = []

    @field_validator("menu")
    @classmethod
    def _options_in_order(cls, menu):
        numbers = [item.option for item in menu]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"menu options must be numbered 1, 2, 3, ... in order; found {numbers}")
        return menu

    @model_validator(mode="after")
    def _options_exist(self):
        known = {item.option for item in self.menu}
        for name, option in (("suspension.option", self.suspension and self.suspension.option),
                             ("health_insurance_option", self.health_insurance_option)):
            if option is not None and option not in known:
                raise ValueError(f"{name} {option} is not an option of the menu {sorted(known)}")
        return self


# --- card.yml and pins.yml -----------------------------------------------------------------


class MinorRule(Model):
    under_age: Age
    card_birthdays: Count


class LegacyMinorRule(Model):
    issued_before: Date
    source: Text  # the guidebook gives no date: where it comes from
    under_age: Age
    card_years: Count


class RenewalExample(Model):
    valid_until: Date
    renewable_from: Date


class Validity(Model):
    card_birthdays: Count
    minor: MinorRule
    legacy_minor: LegacyMinorRule
    certificate_birthdays: Count
    renewal_months_before: Count
    passport_max_years: Count
    renewal_examples: list[RenewalExample]


class Children(Model):
    signature_certificate_min_age: Age
    guardian_until_age: Age
    no_photo_age: Age


class Express(Model):
    weeks: Count
    normal_months: Count
    infant_under_age: Age


class Card(Model):
    my_number_digits: Count
    security_code_digits: Count
    basic_information_ja: list[Text] = Field(min_length=1)
    furigana_from: YearMonthValue
    validity: Validity
    smartphone_kinds_ja: list[Text]
    children: Children
    express: Express
    fraud_warning_percent: Percent
    health_insurance_card_ended: YearMonthValue
    etax_on_mynaportal_from_fiscal_year: YearValue

    @computed_field
    @property
    def basic_information_count(self) -> Count:
        return len(self.basic_information_ja)

    @computed_field
    @property
    def smartphone_kind_count(self) -> Count:
        return len(self.smartphone_kinds_ja)


class Password(Model):
    name_ja: Text
    secret_ja: Text
    min_length: Count
    max_length: Count
    characters: Literal["uppercase_and_digits"]
    attempts: Count

    @model_validator(mode="after")
    def _lengths(self):
        if not 0 < self.min_length <= self.max_length:
            raise ValueError(f"min_length ({self.min_length}) must be positive and not exceed max_length ({self.max_length})")
        return self


class Pin(Model):
    name_ja: Text
    secret_ja: Text
    digits: Count
    attempts: Count


class Pins(Model):
    signature: Password
    user: Pin


# --- documents.yml -------------------------------------------------------------------------


class Document(Model):
    name_ja: Text
    condition_ja: Text | None = None


class DocumentChoice(Model):
    count: Count
    items: list[Id] = Field(min_length=1)


class IdentityDocuments(Model):
    photo: DocumentChoice
    without_photo: DocumentChoice


class DocumentExample(Model):
    number: list[Id]
    identity: list[Id]


class Documents(Model):
    documents: dict[Id, Document]
    number_proof: DocumentChoice
    identity: IdentityDocuments
    examples: list[DocumentExample]


# --- procedures.yml ------------------------------------------------------------------------

Channel = Literal["smartphone", "center", "branch", "konbini", "phone"]


class CardPickup(Model):
    reserve_by_phone_of: Id
    business_days_ahead: Count


class Procedures(Model):
    procedures: dict[Id, list[Channel]]
    bring: dict[Id, list[Id]] = {}
    branch_card_pickup: CardPickup
    lost_card_steps: list[TextItem]


# --- links.yml -----------------------------------------------------------------------------


class LookFor(Model):
    """What to look for on a site, where the guidebook's 「こちら」 led to a page of it whose
    address could not be established: the guidebook's wording, the words to search for."""
    guidebook: Text
    search: Text


class Link(Model):
    name_ja: Text
    url: HttpUrl
    look_for: dict[Id, LookFor] = {}

    @field_validator("url")
    @classmethod
    def _https(cls, url):
        if url.scheme != "https":
            raise ValueError(f"links must use https, found {url.scheme}:")
        return url


# --- readings.yml --------------------------------------------------------------------------


class Reading(Model):
    kana: Kana
    romaji: Romaji


# --- furigana.yml -------------------------------------------------------------------------

# A word written with kanji (and kana), as the pages write it.
KanjiWord = Annotated[str, Field(pattern=f"^[{KANA}{KANJI}]*[{KANJI}][{KANA}{KANJI}]*$",
                                 max_length=20)]


# One model per file of data/; the file's stem is its name in fact paths.
FILES: dict[str, type] = {
    "publication": Publication,
    "offices": dict[Id, Office],
    "fees": Fees,
    "konbini": Konbini,
    "hotlines": dict[Id, Hotline],
    "card": Card,
    "pins": Pins,
    "documents": Documents,
    "procedures": Procedures,
    "links": dict[Id, Link],
    "hosts": dict[Host, Text],
    "readings": dict[Id, Reading],
    "furigana": dict[KanjiWord, Kana],
}
