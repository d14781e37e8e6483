"""Words the bench data is made of: tag names, staff names, program titles.

Tags come in the region's own scripts as well as English, because that is what MI's editors
type: Thai, Lao, Burmese, Khmer, Chinese and Vietnamese with its diacritics.
"""

ENGLISH_TAGS = [
    "food safety", "value chains", "smallholder farmers", "cooperatives", "agribusiness",
    "organic farming", "rice", "cassava", "coffee", "fisheries", "livestock", "irrigation",
    "water governance", "climate change", "climate adaptation", "disaster risk reduction",
    "renewable energy", "energy transition", "energy efficiency", "solar power", "hydropower",
    "biodiversity", "forestry", "circular economy", "waste management", "plastic pollution",
    "trade facilitation", "cross-border trade", "customs", "e-commerce", "SMEs",
    "women entrepreneurs", "logistics", "economic corridors", "special economic zones",
    "investment promotion", "tourism", "digital economy", "digital skills", "innovation",
    "technology transfer", "startups", "labour migration", "decent work", "human resources",
    "public health", "education", "youth", "gender equality", "social inclusion",
    "rural development", "urbanisation", "infrastructure", "connectivity", "regional cooperation",
    "policy dialogue", "policy brief", "research", "capacity building", "training of trainers",
    "study visit", "workshop", "webinar", "scholarship", "alumni", "knowledge sharing",
    "monitoring and evaluation", "project management", "leadership", "good governance",
    "public procurement", "standards and certification", "market access", "quality assurance",
    "sustainable agriculture", "nutrition", "land use", "river basin management",
    "transboundary cooperation", "local government",
]  # fmt: skip

# Two derived tags per English topic bring the pool to a few hundred, like a real tag list.
TAG_SUFFIXES = ["training", "policy"]

NON_LATIN_TAGS = [
    # Thai
    "ความปลอดภัยอาหาร", "การค้าชายแดน", "เกษตรอินทรีย์", "พลังงานหมุนเวียน", "ขอนแก่น",
    "การเปลี่ยนแปลงสภาพภูมิอากาศ",
    # Lao
    "ຫຼວງພະບາງ", "ວຽງຈັນ", "ກະສິກຳ", "ການຄ້າ", "ສະຫະກອນ", "ການສຶກສາ",
    # Burmese
    "မြန်မာ", "ရန်ကုန်", "စိုက်ပျိုးရေး", "ကုန်သွယ်ရေး", "မန္တလေး",
    # Khmer
    "កសិកម្ម", "ភ្នំពេញ", "ពាណិជ្ជកម្ម", "សៀមរាប", "ទេសចរណ៍",
    # Chinese
    "澜湄合作", "粮食安全", "跨境电商", "湄公河", "昆明", "数字经济",
    # Vietnamese
    "an toàn thực phẩm", "thương mại điện tử", "Đồng bằng sông Cửu Long",
    "nông nghiệp bền vững", "biến đổi khí hậu", "Hà Nội", "hợp tác xã",
]  # fmt: skip


def tag_names() -> list[str]:
    derived = [f"{topic} {suffix}" for suffix in TAG_SUFFIXES for topic in ENGLISH_TAGS]
    return [*ENGLISH_TAGS, *derived, *NON_LATIN_TAGS]


# (given names, family names, family name first?) per country, as MI's staff list shows them.
STAFF_NAMES = [
    (["Somchai", "Supaporn", "Nattapong", "Kanokwan", "Wichai", "Pornthip", "Anucha", "Siriporn"],
     ["Srisuk", "Chaiyaporn", "Wongsawat", "Kittisak", "Rattanakorn", "Boonmee"], False),
    (["Thi Mai", "Van Minh", "Quoc Bao", "Thu Ha", "Duc Anh", "Ngoc Lan", "Minh Chau"],
     ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang"], True),
    (["Phonesavanh", "Souksavanh", "Vilayphone", "Khamphet", "Bounmy", "Manivone"],
     ["Phommachanh", "Sengdara", "Vongsa", "Keomany", "Inthavong"], False),
    (["Sopheap", "Dara", "Vannak", "Sreymom", "Bopha", "Rithy"],
     ["Sok", "Chea", "Heng", "Meas", "Chan", "Kim"], True),
    (["Aung Kyaw", "Thida Win", "Zaw Min", "Htet Htet", "Khin Mar", "Myo Thant"],
     ["Oo", "Aung", "Soe", "Lwin"], False),
    (["Wei", "Fang", "Jun", "Lei", "Xiaoming", "Yan"],
     ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang"], True),
]  # fmt: skip

STAFF_POSITIONS = [
    "Program Officer", "Program Coordinator", "Program Specialist", "Research Associate",
    "Communications Officer", "Finance Officer", "Training Officer", "Project Assistant",
]  # fmt: skip

PROGRAM_ACTIONS = [
    "Strengthening", "Promoting", "Building Capacity for", "Scaling Up", "Improving",
    "Connecting", "Greening", "Digitalising",
]  # fmt: skip

PROGRAM_TOPICS = [
    "Agricultural Value Chains", "Food Safety Systems", "Cross-Border Trade", "SME Exports",
    "Rural Tourism", "Energy Planning", "Water Governance", "Climate-Smart Agriculture",
    "Border Logistics", "Labour Mobility", "Women's Entrepreneurship", "Digital Payments",
    "Public Health Cooperation", "Seed Systems", "Fisheries Management", "Urban Resilience",
]  # fmt: skip

PROGRAM_PLACES = [
    "the Greater Mekong Subregion", "the Lower Mekong", "the Lancang-Mekong Region",
    "the East-West Economic Corridor", "the Northern Economic Corridor", "Border Provinces",
    "the Mekong Delta", "the Dry Zone",
]  # fmt: skip
