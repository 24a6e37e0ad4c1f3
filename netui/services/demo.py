"""Invented contacts for tests, benchmarks and the demo mode.

Every person, company, phone number and address here is made up: names are drawn from pools
of common given and family names from many cultures and combined at random; companies are
invented word pairs; emails use the reserved ``.example`` domain; phone numbers use the ranges
set aside for fiction (US 555-01xx, UK 020 7946 0xxx).

`generate_contacts` is a deterministic stream for a seed (and a "today"); `fill_demo` turns it
into a whole demo database, with a Top 20, some triage decisions and a history of calls and
messages, written in one transaction with bulk inserts.
"""

from __future__ import annotations

import random
import re
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any, TypeVar

from netui.db import bulk
from netui.db.contacts import draft_columns
from netui.domain.clock import local_today
from netui.domain.types import (
    Channel,
    ContactDraft,
    DatePrecision,
    LooseDate,
    Outcome,
    TriageStatus,
)
from netui.errors import NetuiError, ValidationError
from netui.services.context import Services

__all__ = [
    "MAX_DEMO_CONTACTS",
    "DemoRefusedError",
    "DemoSummary",
    "fill_demo",
    "generate_contacts",
]

MAX_DEMO_CONTACTS = 1_000_000
TOP20_DEMO_SIZE = 12  # leaves room, so the demo can show adding to the Top 20
DEMO_SOURCE = "demo"

FIRST_NAMES = (
    # English-speaking countries
    "Abigail", "Ben", "Claire", "Dylan", "Eleanor", "Finn", "Grace", "Harvey", "Isla", "Jack",
    "Kate", "Liam", "Megan", "Noah", "Olivia", "Patrick", "Rachel", "Sam", "Tessa", "Wyatt",
    "Siobhan", "Ciarán", "Niamh", "Rhys", "Cerys",
    # Spanish and Portuguese
    "Alejandro", "Beatriz", "Camila", "Diego", "Elena", "Fernando", "Gabriela", "Javier",
    "Lucía", "Mateo", "Nicolás", "Paula", "Rocío", "Santiago", "Valentina", "João", "Larissa",
    "Thiago", "Fernanda", "Rafael", "Bruna",
    # Chinese
    "Wei", "Jing", "Hao", "Xin", "Yun", "Lei", "Mei", "Zhen", "Ling", "Jun",
    # Indian
    "Aarav", "Ananya", "Arjun", "Divya", "Ishaan", "Kavya", "Nikhil", "Pooja", "Rohan",
    "Sanjana", "Vikram", "Meera", "Siddharth", "Lakshmi",
    # West and East African
    "Adaeze", "Chinedu", "Folake", "Emeka", "Ngozi", "Tunde", "Yewande", "Kwame", "Ama", "Kofi",
    "Abena", "Oluwaseun", "Wanjiru", "Otieno", "Amani", "Zawadi", "Baraka",
    # Arabic, Turkish, Persian, Hebrew
    "Omar", "Layla", "Yusuf", "Fatima", "Karim", "Nour", "Hassan", "Amira", "Tariq", "Salma",
    "Emre", "Elif", "Mehmet", "Zeynep", "Can", "Dariush", "Shirin", "Arash", "Parisa", "Noa",
    "Eitan", "Tamar",
    # Japanese, Korean, Vietnamese, Filipino
    "Haruto", "Yui", "Sora", "Aoi", "Kenji", "Sakura", "Ren", "Hina", "Min-jun", "Seo-yeon",
    "Ji-ho", "Ha-eun", "Dong-hyun", "Soo-ah", "Minh", "Linh", "Quang", "Thảo", "Tuấn", "Ngọc",
    "Maricel", "Jericho", "Divina",
    # European
    "Lukas", "Anja", "Matthias", "Katrin", "Jonas", "Sabine", "Amélie", "Théo", "Camille",
    "Julien", "Margaux", "Étienne", "Giulia", "Lorenzo", "Chiara", "Matteo", "Francesca",
    "Søren", "Freja", "Ingrid", "Lars", "Astrid", "Mikkel", "Sigrid", "Łukasz", "Agnieszka",
    "Katarzyna", "Piotr", "Dmitri", "Anastasia", "Olena", "Bohdan", "Zoran", "Milena", "Nikos",
    "Eleni", "Yannis",
    # Pacific
    "Aroha", "Tane", "Malia", "Zoë", "Kailani",
)  # fmt: skip

LAST_NAMES = (
    "Abbott", "Barnes", "Caldwell", "Dawson", "Ellison", "Fletcher", "Garner", "Hollis",
    "Ingram", "Jennings", "Kendall", "Lowry", "Mercer", "Norwood", "Osborne", "Pryce",
    "Quinlan", "Radley", "Sutton", "Thorne", "Underwood", "Vance", "Whitlock", "Yardley",
    "O'Brien", "Gallagher", "Byrne", "Llewellyn", "Vaughan", "MacLeod",
    "Alvarez", "Bermúdez", "Castillo", "Delgado", "Espinoza", "Fuentes", "Guerrero", "Herrera",
    "Ibarra", "Jiménez", "Lozano", "Medina", "Navarro", "Ortega", "Paredes", "Quiroga", "Rojas",
    "Salazar", "Toledo", "Vidal", "Almeida", "Barbosa", "Carvalho", "Duarte", "Ferreira",
    "Moura",
    "Chen", "Li", "Wang", "Zhang", "Liu", "Huang", "Zhou", "Xu", "Sun", "Ma", "Guo", "Lin",
    "Agarwal", "Bhatt", "Chatterjee", "Desai", "Iyer", "Joshi", "Kapoor", "Menon", "Nair",
    "Patel", "Reddy", "Sharma", "Subramanian", "Verma",
    "Adeyemi", "Balogun", "Chukwu", "Eze", "Okafor", "Okonkwo", "Oyelaran", "Mensah",
    "Boateng", "Asante", "Owusu", "Kamau", "Odhiambo", "Mwangi", "Njoroge",
    "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Farouk", "El-Amin", "Yılmaz", "Demir",
    "Aydın", "Kaya", "Tehrani", "Rahimi", "Karimi", "Cohen", "Levi", "Friedman", "Mizrahi",
    "Sato", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Inoue",
    "Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Nguyen", "Tran", "Pham", "Hoang", "Vu",
    "Santos", "Reyes", "Bautista", "Mendoza",
    "Becker", "Hoffmann", "Krüger", "Lehmann", "Schröder", "Vogel", "Wagner", "Dubois",
    "Lefèvre", "Moreau", "Girard", "Rousseau", "Bianchi", "Colombo", "Esposito", "Ferraro",
    "Romano", "Ricci", "Andersen", "Berg", "Halvorsen", "Lindqvist", "Nyström", "Sørensen",
    "Kowalski", "Nowak", "Zieliński", "Petrov", "Kovač", "Horvat", "Shevchenko", "Novak",
    "Papadopoulos", "Georgiou", "Nikolaidis", "Ngata", "Kealoha", "Tuilagi",
)  # fmt: skip

COMPANY_WORDS = (
    "Larkspur", "Bramblewood", "Cobalt Finch", "Driftwood", "Emberlight", "Fernhill",
    "Granite Bay", "Harborline", "Ironleaf", "Juniper Row", "Kestrel", "Lumenfold",
    "Maplecrest", "Northbrook", "Oakridge", "Pinecone", "Quarrystone", "Redfern", "Saltmarsh",
    "Tidewater", "Umberfield", "Verdant", "Willowby", "Yarrow", "Zephyrine", "Amberline",
    "Bluefinch", "Cedarline", "Dovetail", "Evergale", "Foxglove", "Goldcrest", "Hollowell",
    "Inkwell", "Jasperfield", "Kilnworth", "Lanternfish", "Moonrake", "Nettlebed", "Orchardine",
    "Pebblebrook", "Quillon", "Rookery", "Sparrowhawk", "Thistledown", "Upland Vale", "Vireo",
    "Wrenfield", "Alderbank", "Birchmoor", "Copperleaf", "Dunmore", "Elmstead", "Fireweed",
    "Glasswing", "Heronsgate", "Ivorybill", "Kingsfold", "Lindenberg", "Meadowlark",
)  # fmt: skip

COMPANY_KINDS = (
    "Analytics", "Labs", "Systems", "Health", "Logistics", "Partners", "Software", "Robotics",
    "Bank", "Capital", "Insurance", "Media", "Studios", "Biotech", "Energy", "Foods",
    "Networks", "Consulting", "Learning", "Payments", "Security", "Cloud", "Mobility",
    "Research", "Design",
)  # fmt: skip

TITLES = (
    "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager",
    "Product Manager", "Senior Product Manager", "Director of Product", "Data Scientist",
    "Data Analyst", "Machine Learning Engineer", "UX Designer", "Product Designer",
    "UX Researcher", "Marketing Manager", "Growth Lead", "Content Strategist",
    "Account Executive", "Customer Success Manager", "Sales Director", "Recruiter",
    "Technical Recruiter", "Talent Partner", "HR Business Partner", "Operations Manager",
    "Program Manager", "Project Manager", "Financial Analyst", "Controller", "CFO", "CTO",
    "Founder", "Co-founder", "VP Engineering", "VP Marketing", "Head of Data",
    "DevOps Engineer", "Site Reliability Engineer", "Security Engineer", "QA Lead",
    "Solutions Architect", "Consultant", "Business Analyst", "Research Scientist",
    "Nurse Manager", "Teacher", "Professor", "Lawyer", "Paralegal", "Supply Chain Analyst",
    "Office Manager",
)  # fmt: skip

TAGS = (
    "former colleague", "classmate", "bootcamp", "meetup", "recruiter", "hiring manager",
    "mentor", "mentee", "conference", "alumni", "fintech", "healthtech", "climate", "design",
    "data", "product", "engineering", "startup", "remote", "referral source", "neighbour",
    "volunteer", "book club", "hackathon", "ex-manager", "ex-report", "investor", "freelance",
    "board games", "running club",
)  # fmt: skip

HOW_WE_MET = (
    "Worked together at {company}", "Same team at {company}", "Met at a data meetup",
    "Sat next to each other at a conference workshop", "Classmates in a night course",
    "Coding bootcamp cohort", "Introduced by a mutual friend",
    "Volunteered together at a food bank", "Running club", "Hackathon teammates",
    "University flatmates", "Interviewed me once at {company}", "I interviewed them",
    "Mentored me on a side project", "Met at a friend's wedding",
    "Online community for product folks", "Neighbours for a couple of years",
    "Co-organised a local meetup", "Same five-a-side league", "Book club", "Former client",
    "Former vendor contact at {company}", "Met on a train to a conference", "Alumni mixer",
    "Parents at the same school", "Worked on an open-source project together",
    "Shared a coworking space", "Panel at an industry event", "Took the same online course",
    "Friend of a cousin",
)  # fmt: skip

NOTES = (
    "Knows everyone in fintech.", "Said to reach out any time.",
    "Moved abroad in {year}; check the time zone before calling.",
    "Prefers short messages to long emails.", "Was hiring for their data team last I heard.",
    "Asked about my portfolio once.", "Great at intros; be specific about the ask.",
    "Started a consultancy.", "Recently promoted.",
    "Writes a newsletter on product strategy.", "Prefers a call over email.",
    "Owes me a coffee.", "We lost touch after the reorg.", "Might know someone at {company}.",
    "Mornings are hard for them; try after lunch.", "Learning Rust.",
    "Runs marathons; ask about the last race.", "Mentioned their company is expanding.",
    "Was planning a career change.", "Very responsive on LinkedIn.",
    "Slow to reply but always does.", "Went back to school for an MBA.",
    "Knows the hiring manager at {company}.", "Wrote me a recommendation in {year}.",
    "Suggested I talk to their manager.", "Into climbing.", "Moved to a nonprofit.",
    "Left tech for teaching.", "Good person to ask about salary ranges.",
    "Had dinner with them and their partner once; lovely evening.",
)  # fmt: skip

CADENCES = ("2w", "1m", "1m", "3m", "3m", "6m", "12m")
PERSONAL_DOMAINS = ("mailbox.example", "post.example", "inbox.example", "letters.example")
US_AREA_CODES = (206, 212, 303, 312, 404, 415, 503, 512, 617, 646, 702, 718, 808, 917)

# Outcomes each channel tends to have, as (outcome, weight).
CHANNEL_WEIGHTS = (
    (Channel.MESSAGE, 35),
    (Channel.EMAIL, 30),
    (Channel.CALL, 20),
    (Channel.MEETING, 10),
    (Channel.OTHER, 5),
)
OUTCOME_WEIGHTS: dict[Channel, tuple[tuple[Outcome, int], ...]] = {
    Channel.CALL: (
        (Outcome.NO_ANSWER, 30),
        (Outcome.LEFT_MESSAGE, 25),
        (Outcome.TALKED, 30),
        (Outcome.MEETING_SET, 10),
        (Outcome.REFERRAL, 5),
    ),
    Channel.EMAIL: (
        (Outcome.NO_ANSWER, 35),
        (Outcome.REPLIED, 40),
        (Outcome.MEETING_SET, 10),
        (Outcome.REFERRAL, 8),
        (Outcome.DECLINED, 7),
    ),
    Channel.MESSAGE: (
        (Outcome.NO_ANSWER, 30),
        (Outcome.REPLIED, 45),
        (Outcome.MEETING_SET, 12),
        (Outcome.REFERRAL, 8),
        (Outcome.DECLINED, 5),
    ),
    Channel.MEETING: (
        (Outcome.TALKED, 50),
        (Outcome.REFERRAL, 30),
        (Outcome.MEETING_SET, 15),
        (Outcome.DECLINED, 5),
    ),
    Channel.OTHER: ((Outcome.TALKED, 50), (Outcome.REPLIED, 30), (Outcome.REFERRAL, 20)),
}
INTERACTION_NOTES: dict[Outcome, tuple[str, ...]] = {
    Outcome.NO_ANSWER: ("", "", "Try again next week.", "Maybe the wrong number?"),
    Outcome.LEFT_MESSAGE: ("Left a short voicemail.", "Asked them to call back.", ""),
    Outcome.REPLIED: (
        "Happy to chat; suggested next week.",
        "Replied warmly, asked what I'm looking for.",
        "Short reply, busy this month.",
        "Sent a couple of names to try.",
    ),
    Outcome.TALKED: (
        "Caught up for twenty minutes.",
        "Talked about their new team.",
        "Good call; they'll keep an ear out.",
        "Long chat about the market.",
    ),
    Outcome.MEETING_SET: ("Coffee booked.", "Video call set up.", "Lunch near their office."),
    Outcome.REFERRAL: (
        "Introduced me to their hiring manager.",
        "Passed my CV to a recruiter friend.",
        "Gave me two people to contact.",
    ),
    Outcome.DECLINED: ("Not a good time for them.", "Not hiring and no leads right now."),
}
# (days after the interaction: min, max) and how often a follow-up is set, per outcome.
FOLLOW_UPS: dict[Outcome, tuple[float, int, int]] = {
    Outcome.NO_ANSWER: (0.7, 4, 10),
    Outcome.LEFT_MESSAGE: (0.7, 3, 8),
    Outcome.REPLIED: (0.8, 3, 14),
    Outcome.MEETING_SET: (0.9, 3, 14),
    Outcome.TALKED: (0.3, 14, 42),
    Outcome.REFERRAL: (0.6, 7, 14),
    Outcome.DECLINED: (0.0, 0, 0),
}
REACHED = tuple(o for o in Outcome if o.reached)

T = TypeVar("T")


class DemoRefusedError(NetuiError):
    """The demo only fills a database with no contacts in it."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    contacts: int
    interactions: int
    top20: int
    later: int
    skip: int
    archived: int
    seconds: float


_ASCII_FOLD = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "ı": "i", "đ": "d", "æ": "ae"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    """ASCII letters and digits only, for invented email addresses and profile URLs."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_ASCII_FOLD))
    return _NOT_SLUG.sub("", folded.encode("ascii", "ignore").decode("ascii"))


def _company(rng: random.Random) -> str:
    return f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"


def _fill(template: str, rng: random.Random, today: date) -> str:
    return template.format(company=_company(rng), year=today.year - rng.randint(1, 8))


def _last_contacted(rng: random.Random, today: date) -> LooseDate | None:
    """Somewhere in the past ten years, as precisely as someone would remember it."""
    if rng.random() < 0.12:
        return None
    day = today - timedelta(days=rng.randint(0, 3652))
    roll = rng.random()
    if roll < 0.35:
        return LooseDate(day, DatePrecision.DAY)
    if roll < 0.70:
        return LooseDate(day.replace(day=1), DatePrecision.MONTH)
    return LooseDate(date(day.year, 1, 1), DatePrecision.YEAR)


def _strength(rng: random.Random) -> int | None:
    roll = rng.random()
    if roll < 0.55:
        return None
    if roll < 0.90:
        return rng.randint(1, 3)
    return rng.randint(4, 5)


def _emails(rng: random.Random, first: str, last: str, company: str) -> tuple[str, ...]:
    if rng.random() >= 0.30:
        return ()
    f, l = _slug(first) or "someone", _slug(last) or "somewhere"  # noqa: E741
    local = rng.choice((f"{f}.{l}", f"{f}{l[:1]}", f"{f[:1]}.{l}", f"{f}_{l}"))
    personal = f"{local}@{rng.choice(PERSONAL_DOMAINS)}"
    if not company:
        return (personal,)
    work = f"{f}.{l}@{_slug(company)}.example"
    if rng.random() < 0.15:
        return (work, personal)
    return (work,) if rng.random() < 0.5 else (personal,)


def _phones(rng: random.Random) -> tuple[str, ...]:
    if rng.random() >= 0.20:
        return ()
    if rng.random() < 0.7:
        return (f"+1 {rng.choice(US_AREA_CODES)} 555-01{rng.randint(0, 99):02d}",)
    return (f"+44 20 7946 0{rng.randint(0, 999):03d}",)


def generate_contacts(count: int, seed: int, today: date) -> Iterator[ContactDraft]:
    """``count`` invented people, the same ones for the same seed and day."""
    rng = random.Random(seed)
    for _ in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.1 else ""
        company = _company(rng) if rng.random() < 0.85 else ""
        title = rng.choice(TITLES) if rng.random() < 0.80 else ""
        linkedin = (
            f"https://www.linkedin.com/in/{_slug(first)}-{_slug(last)}-{rng.getrandbits(32):08x}"
            if rng.random() < 0.60
            else ""
        )
        notes = ""
        if rng.random() < 0.40:
            picked = rng.sample(NOTES, rng.choice((1, 1, 1, 2)))
            notes = "\n".join(_fill(n, rng, today) for n in picked)
        yield ContactDraft(
            full_name=f"{first}{middle} {last}",
            first_name=first,
            last_name=last,
            company=company,
            title=title,
            emails=_emails(rng, first, last, company),
            phones=_phones(rng),
            linkedin_url=linkedin,
            how_we_met=_fill(rng.choice(HOW_WE_MET), rng, today) if rng.random() < 0.5 else "",
            notes=notes,
            tags=tuple(rng.sample(TAGS, rng.randint(1, 3))) if rng.random() < 0.45 else (),
            strength=_strength(rng),
            last_contacted=_last_contacted(rng, today),
            cadence=rng.choice(CADENCES) if rng.random() < 0.08 else None,
        )


# --- the demo database ------------------------------------------------------------------------


def _weighted(rng: random.Random, pairs: Sequence[tuple[T, int]]) -> T:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _local_moment(day: date, rng: random.Random) -> datetime:
    """A working-hours moment on ``day`` in the user's time zone, as aware UTC."""
    moment = datetime.combine(day, clock_time(rng.randint(8, 18), rng.choice((0, 15, 30, 45))))
    return moment.astimezone().astimezone(UTC)


def _interaction(
    rng: random.Random, when: datetime, outcome: Outcome | None = None
) -> dict[str, Any]:
    channel = _weighted(rng, CHANNEL_WEIGHTS)
    if outcome is None:
        outcome = _weighted(rng, OUTCOME_WEIGHTS[channel])
    chance, low, high = FOLLOW_UPS[outcome]
    local_day = when.astimezone().date()
    follow_up = (
        local_day + timedelta(days=rng.randint(low, high)) if rng.random() < chance else None
    )
    return {
        "occurred_at": when,
        "channel": channel.value,
        "outcome": outcome.value,
        "note": rng.choice(INTERACTION_NOTES[outcome]),
        "follow_up": follow_up,
        "created_at": when,
    }


def _history(rng: random.Random, now: datetime, since: datetime | None) -> list[dict[str, Any]]:
    """One to four interactions over the last eighteen months, oldest first, all in the past.

    With ``since`` (a Top 20 member's joining time) one more often follows it and reached
    the person, so the Top 20 progress has something to count.
    """
    today = now.astimezone().date()
    count = _weighted(rng, ((1, 45), (2, 30), (3, 17), (4, 8)))
    day = today - timedelta(days=rng.randint(20, 540))
    moments: list[datetime] = []
    for _ in range(count):
        moment = _local_moment(day, rng)
        if moment < (since or now) - timedelta(hours=1):
            moments.append(moment)
        day += timedelta(days=rng.randint(2, 40))
    rows = [_interaction(rng, m) for m in sorted(moments)]
    if since is not None and rng.random() < 0.6:
        span = max(int((now - since).total_seconds()) - 3600, 120)
        when = since + timedelta(seconds=rng.randint(60, span))
        rows.append(_interaction(rng, when, rng.choice(REACHED)))
    return rows


def _status(rng: random.Random) -> TriageStatus:
    roll = rng.random()
    if roll < 0.08:
        return TriageStatus.LATER
    if roll < 0.13:
        return TriageStatus.SKIP
    if roll < 0.14:
        return TriageStatus.ARCHIVED
    return TriageStatus.NEW


def fill_demo(services: Services, count: int, seed: int = 7) -> DemoSummary:
    """Fill an empty database with ``count`` invented contacts and some history.

    Refuses (DemoRefusedError) when the database already has contacts: the demo never mixes
    invented people into real ones. Everything is written in one transaction.
    """
    if not 1 <= count <= MAX_DEMO_CONTACTS:
        raise ValidationError("contacts", f"must be 1 to {MAX_DEMO_CONTACTS:,}, not {count}")
    started = time.perf_counter()
    clock = services.clock
    now = clock()
    today = local_today(clock)
    rng = random.Random(seed * 1_000_003 + 17)
    top_n = min(TOP20_DEMO_SIZE, count // 8)
    top_indexes = rng.sample(range(count), top_n)
    ranks = {index: rank for rank, index in enumerate(top_indexes, start=1)}
    with services.db.session() as session:
        existing = bulk.contact_count(session)
        if existing:
            raise DemoRefusedError(
                f"{services.path} already has {existing:,} contacts; the demo only fills an "
                "empty database (pass --db with a new file)"
            )
        statuses: list[TriageStatus] = []
        rows: list[dict[str, Any]] = []
        histories: list[tuple[int, list[dict[str, Any]]]] = []  # (row index, interactions)
        for index, draft in enumerate(generate_contacts(count, seed, today)):
            columns = draft_columns(draft)
            rank = ranks.get(index)
            status = TriageStatus.TOP20 if rank else _status(rng)
            since = now - timedelta(days=rng.randint(3, 25)) if rank else None
            columns.update(
                status=status.value,
                top20_rank=rank,
                top20_since=since,
                next_follow_up=None,
                source=DEMO_SOURCE,
                created_at=now,
                updated_at=now,
            )
            if since is not None or rng.random() < 0.05:
                history = _history(rng, now, since)
                if history:
                    # The log explains the date: the latest call sets last contact and follow-up.
                    latest = history[-1]
                    columns["last_contacted"] = latest["occurred_at"].astimezone().date()
                    columns["last_contacted_precision"] = DatePrecision.DAY.value
                    columns["next_follow_up"] = latest["follow_up"]
                    histories.append((index, history))
            rows.append(columns)
            statuses.append(status)
        ids = bulk.insert_contacts(session, rows)
        logged = bulk.insert_interactions(
            session,
            (
                {"contact_id": ids[index], **interaction}
                for index, history in histories
                for interaction in history
            ),
        )
    return DemoSummary(
        contacts=len(ids),
        interactions=logged,
        top20=top_n,
        later=statuses.count(TriageStatus.LATER),
        skip=statuses.count(TriageStatus.SKIP),
        archived=statuses.count(TriageStatus.ARCHIVED),
        seconds=time.perf_counter() - started,
    )
