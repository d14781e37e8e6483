"""The seed article from the site MI Site replaces, with its body as published."""

from ..documents import SYNTHESIS_REPORT
from ..values import html

SEED_TITLE = "MI Holds Workshop on Regional Migration Management"

SEED_ARTICLE = {
    "title": SEED_TITLE,
    "published": "2020-11-27 10:00",
    "department": "ITC",
    "themes": ["Social Inclusion and Vulnerability"],
    "programs": ["labour-migration"],
    "countries": "GMS",
    "people": ["suriyan-vichitlekarn"],
    "tags": ["labour migration", "COVID-19", "workshop"],
    # The donor the article names in its body, now a fact of its own.
    "partners": [("TICA", "funder")],
    # The report the body says the findings "will be collated into".
    "documents": [SYNTHESIS_REPORT],
    "event": ("2020-11-23", "2020-11-25"),
    "venue": "Online",
    "standfirst": "Labour ministries and recruitment agencies from the six GMS countries reported on their action plans at the online synthesis and evaluation workshop that closed MI\u2019s labour migration capacity program.",
    "body": html(
        "In continued support of safe and beneficial labor migration in the Greater Mekong Subregion, Mekong Institute (MI) rolled out a Synthesis and Evaluation Workshop on \u201cLabor Migration Strategic Management to Labor Migration in the Greater Mekong Subregion: Addressing the Challenges Through Good Practices\u201d from November 23 to 25, 2020 via digital platform.",
        "\u201cThis is an important avenue for us to update each other on the progress made to strengthen migration governance,\u201d Mr. Suriyan Vichitlekarn, MI Executive Director, said in his opening statement before underscoring the need for renewed commitment among partners in enhancing labor mobility against a pandemic landscape, as it is contingent to the sustainable economic recovery of the region.",
        "Supported by the Thailand International Cooperation Agency, the workshop is the final activity under the capacity program, which bears the same name. Initiated in 2017, the program aims to strengthen labor mobility and management approaches. Specifically, it provides a platform of exchange among governments, recruitment agencies, and other related stakeholders to promote decent work through the implementation of existing good policies and development of sound guidelines that will maximize benefits and opportunities for migrant workers.",
        "The three-day online activity reconvened 26 representatives from the Ministry of Labor and recruitment agencies representing Cambodia, P.R. China, Lao PDR, Myanmar, Vietnam, and Thailand who completed the MI learning program in Mae Sot, Thailand last November 4 to 10, 2019. With MI technical support, the participants reported the progress of their action plan implementation, which ranged from organizing trainings and workshops in their home countries to highlight best practices and recommendations for stronger regional migration governance.",
        "The workshop sessions also covered discussions on the impacts of COVID-19 on labor migration, as well as pooled strategies for stronger regional cooperation in migration management. Findings from the activity\u2014which will include impact assessments of MI\u2019s capacity building activities during the program\u2019s cycle from 2017 to 2020\u2014will be collated into the final project report for MI submission to government partners in the GMS.",
    ),
}
