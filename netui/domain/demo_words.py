"""Word lists for invented demo people: every name, company and note here is made up.

Given and family names are common ones from many cultures, drawn and combined at random, so
no entry stands for a real person; companies are invented word pairs. Emails use the
reserved ``.example`` domains and phone numbers the ranges set aside for fiction (US
555-01xx, UK 020 7946 0xxx). The weights say how often each channel and outcome comes up
in an invented history of calls and messages.
"""

from __future__ import annotations

from netui.domain.types import Channel, Outcome

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

#: How often each channel is used, as (channel, weight).
CHANNEL_WEIGHTS = (
    (Channel.MESSAGE, 35),
    (Channel.EMAIL, 30),
    (Channel.CALL, 20),
    (Channel.MEETING, 10),
    (Channel.OTHER, 5),
)
#: The outcomes each channel tends to have, as (outcome, weight).
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
#: Per outcome: how often a follow-up is set, and how many days later (at least, at most).
FOLLOW_UPS: dict[Outcome, tuple[float, int, int]] = {
    Outcome.NO_ANSWER: (0.7, 4, 10),
    Outcome.LEFT_MESSAGE: (0.7, 3, 8),
    Outcome.REPLIED: (0.8, 3, 14),
    Outcome.MEETING_SET: (0.9, 3, 14),
    Outcome.TALKED: (0.3, 14, 42),
    Outcome.REFERRAL: (0.6, 7, 14),
    Outcome.DECLINED: (0.0, 0, 0),
}
