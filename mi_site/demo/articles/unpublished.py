"""Articles that are not live, one for each state the admin shows at a glance.

The scheduled article's publish time is relative to when the demo is loaded (two weeks ahead);
the loader keeps the stored time on later runs as long as it is still in the future, so a second
run changes nothing.
"""

from mi_site.core.publishing import Status

from ..values import bullets, h2, html

ARTICLES = [
    {
        "title": "Annual Report 2026: Highlights from Four Departments",
        "status": Status.DRAFT,
        "department": None,
        "themes": [],
        "programs": [],
        "countries": "GMS",
        "people": ["napat-wongsakul"],
        "tags": ["annual report"],
        "standfirst": "A year of trainings, studies and policy dialogues across the Greater Mekong Subregion.",
        "body": html(
            "Draft for the communications team: one paragraph per department, figures to be confirmed with the program managers.",
            h2("Agricultural Development and Commercialization"),
            "To come.",
            h2("Trade and Investment Facilitation"),
            "To come.",
        ),
    },
    {
        "title": "Study Findings: What Cross-Border E-Commerce Costs Small Businesses",
        "status": Status.REVIEW,
        "department": "TIF",
        "themes": ["Digital Economy and Digitalization"],
        "programs": ["e-commerce"],
        "countries": "GMS",
        "people": ["sokunthea-meas"],
        "tags": ["e-commerce", "SMEs", "research"],
        "standfirst": "Shipping, payments and paperwork add up to a third of the price of a small parcel sent across a GMS border, an MI study finds.",
        "body": html(
            "The study followed 200 parcels sent by small businesses between the six GMS countries and recorded every cost along the way.",
            bullets(
                "Shipping: the largest cost for parcels under 2 kg",
                "Payments: fees and exchange margins of 4 to 7 percent",
                "Paperwork: the most unpredictable cost, depending on the border crossing",
            ),
        ),
    },
    {
        "title": "MI to Host Third Mekong-Lancang Energy Transition Dialogue",
        "schedule_in_days": 14,
        "department": "SEE",
        "themes": ["Climate Resilience"],
        "programs": ["energy-dialogue"],
        "countries": "GMS",
        "people": ["haoran-zhang"],
        "tags": ["energy transition", "policy dialogue"],
        "venue": "Vientiane, Lao PDR",
        "standfirst": "The third dialogue will look at how the region can finance its energy transition.",
        "body": html(
            "Energy planners, regulators, utilities and development banks will meet in Vientiane for the third dialogue of MI's energy transition program.",
            "Sessions will cover green bonds, blended finance for renewable energy and the role of regional power trade in lowering costs.",
        ),
    },
    {
        "title": "Call for Applications: Regional Training on Agricultural Value Chains 2025",
        "published": "2025-01-10 09:00",
        "expires": "2025-02-28 23:59",
        "department": "ADC",
        "themes": ["Food Security and Nutrition"],
        "programs": ["value-chains"],
        "countries": ["KH", "LA", "MM", "VN"],
        "people": ["tran-quoc-bao"],
        "tags": ["call for applications", "value chains", "training"],
        "standfirst": "Cooperative leaders and extension officers from Cambodia, Lao PDR, Myanmar and Vietnam are invited to apply by 28 February 2025.",
        "body": html(
            "MI invites applications for its regional training on agricultural value chains, to be held in Khon Kaen, Thailand, from 7 to 18 April 2025.",
            h2("Who can apply"),
            bullets(
                "Leaders of agricultural cooperatives and farmer groups",
                "Extension officers working with smallholder farmers",
                "Staff of agribusinesses sourcing from smallholders",
            ),
            "The call is closed; this notice left the public site when the deadline passed.",
        ),
    },
]
