//! What each of Nacka's criteria asks and what each score 1–4 means, in Swedish and English.
//! Written for this product in its own words from seed 004 ("Kriterier i utvärderingsmodell"):
//! Nacka names only 1 and 4; the wordings of 2 and 3 are the product's proposal, so that the
//! group calibrates alike. A portfolio may override any of them in its `model:` settings.

/// A criterion's description and the wording of each score, in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wording {
    pub description_sv: String,
    pub description_en: String,
    /// Scores 1, 2, 3, 4 in order; an empty text means "not described".
    pub scale_sv: [String; 4],
    pub scale_en: [String; 4],
}

impl Wording {
    /// The wording of a score 1–4 in the language, None outside the scale or when blank.
    pub fn scale(&self, score: u8, swedish: bool) -> Option<&str> {
        let scale = if swedish {
            &self.scale_sv
        } else {
            &self.scale_en
        };
        let text = scale.get(usize::from(score).checked_sub(1)?)?;
        (!text.trim().is_empty()).then_some(text.as_str())
    }

    pub fn description(&self, swedish: bool) -> &str {
        if swedish {
            &self.description_sv
        } else {
            &self.description_en
        }
    }
}

type Texts = (
    &'static str,
    &'static str,
    [&'static str; 4],
    [&'static str; 4],
);

/// Nacka's criteria by id: (description sv, description en, scale sv, scale en).
const NACKA: [(&str, Texts); 11] = [
    (
        "cost_savings",
        (
            "Ger initiativet lägre kostnader eller sparad arbetstid? Väg in totalkostnaden över tid (TCO) och nyttokalkylen – maximalt värde för skattepengarna.",
            "Does the initiative lower costs or save working time? Weigh the total cost of ownership and the business case – the most value for taxpayers' money.",
            [
                "Låg – ingen märkbar besparing",
                "Viss – mindre besparing i en enskild verksamhet",
                "Tydlig – påtaglig besparing, visad i nyttokalkylen",
                "Hög – stor besparing för flera verksamheter",
            ],
            [
                "Low – no noticeable saving",
                "Some – a small saving in one operation",
                "Clear – a tangible saving, shown in the business case",
                "High – a large saving across operations",
            ],
        ),
    ),
    (
        "quality",
        (
            "Blir kvaliteten eller upplevelsen bättre för invånare, företag eller medarbetare? Räkna både medborgarnytta och internnytta – bästa utveckling för alla.",
            "Does quality or the experience improve for residents, businesses or staff? Count benefit to citizens and internal benefit alike – the best development for all.",
            [
                "Låg – ingen märkbar förbättring",
                "Viss – bättre för en liten grupp",
                "Tydlig – märkbart bättre för många",
                "Hög – stor förbättring för invånare eller medarbetare",
            ],
            [
                "Low – no noticeable improvement",
                "Some – better for a small group",
                "Clear – noticeably better for many",
                "High – a large improvement for residents or staff",
            ],
        ),
    ),
    (
        "mandatory",
        (
            "Måste det göras för att följa lag, direktiv eller tillgänglighetskrav, eller för att en process eller teknisk plattform ändras? Fråga: vad händer om vi inte gör det?",
            "Must it be done to comply with law, a directive or accessibility rules, or because a process or technical platform changes? Ask: what happens if we do not?",
            [
                "Kan vänta – inget krav driver det",
                "Bör göras – krav väntas på sikt",
                "Krav med tidsgräns inom ett par år",
                "Brådskande – krav som gäller nu eller snart",
            ],
            [
                "Can wait – no requirement drives it",
                "Should be done – a requirement is expected in time",
                "A requirement with a deadline within a few years",
                "Urgent – a requirement that applies now or soon",
            ],
        ),
    ),
    (
        "strategic_fit",
        (
            "Bidrar initiativet till mål i styrdokumenten, till exempel digitaliseringsstrategin? Bidraget kan vara direkt eller indirekt, som infrastruktur som gör målen möjliga.",
            "Does the initiative serve goals in the governing documents, such as the digitalisation strategy? Directly, or indirectly like infrastructure that makes the goals reachable.",
            [
                "Låg – ingen koppling till styrdokumenten",
                "Indirekt – skapar förutsättningar för ett mål",
                "Direkt – bidrar till ett mål",
                "Hög – bidrar direkt till flera mål",
            ],
            [
                "Low – no link to the governing documents",
                "Indirect – makes a goal reachable",
                "Direct – serves one goal",
                "High – directly serves several goals",
            ],
        ),
    ),
    (
        "competence",
        (
            "Finns kompetensen och resurserna som behövs, i verksamheten och hos stödfunktionerna?",
            "Are the competence and resources it needs available, in the operation and in support functions?",
            [
                "Låg – saknas och är svår att få",
                "Delvis – måste köpas in eller byggas upp",
                "Mestadels – finns, med smärre luckor",
                "Hög – finns och är avsatt",
            ],
            [
                "Low – missing and hard to get",
                "Partly – must be bought or built up",
                "Mostly – available, with minor gaps",
                "High – available and set aside",
            ],
        ),
    ),
    (
        "management_support",
        (
            "Har ledningen visat stöd och intresse för initiativet?",
            "Has management shown support for and interest in the initiative?",
            [
                "Låg – inget uttalat stöd",
                "Svagt – intresse men inget åtagande",
                "Gott – uttalat stöd",
                "Hög – ledningen driver frågan",
            ],
            [
                "Low – no stated support",
                "Weak – interest but no commitment",
                "Good – stated support",
                "High – management drives it",
            ],
        ),
    ),
    (
        "complexity",
        (
            "Hur komplext är projektet: är tekniken känd och beprövad, hur stort är det, hur många beroenden har det? Observera skalan: 1 är hög komplexitet, 4 är låg.",
            "How complex is the project: is the technology known and proven, how large is it, how many dependencies does it have? Note the scale: 1 is high complexity, 4 is low.",
            [
                "Hög komplexitet – ny teknik, stort, många beroenden",
                "Ganska hög – delvis oprövat eller flera beroenden",
                "Ganska låg – känd teknik, få beroenden",
                "Låg komplexitet – beprövat, litet, fristående",
            ],
            [
                "High complexity – new technology, large, many dependencies",
                "Fairly high – partly unproven or several dependencies",
                "Fairly low – known technology, few dependencies",
                "Low complexity – proven, small, self-contained",
            ],
        ),
    ),
    (
        "funding",
        (
            "Är finansieringen säkrad?",
            "Is the funding secured?",
            [
                "Låg – ingen finansiering",
                "Osäker – finansiering söks",
                "Delvis säkrad",
                "Hög – helt säkrad",
            ],
            [
                "Low – no funding",
                "Uncertain – funding is being sought",
                "Partly secured",
                "High – fully secured",
            ],
        ),
    ),
    (
        "object_management",
        (
            "Är objektsförvaltningen (systemägarskap och förvaltning) etablerad för det som ska byggas?",
            "Is object management (system ownership and maintenance) established for what is to be built?",
            [
                "Nej – ingen förvaltning utsedd",
                "Planerad men inte utsedd",
                "Utsedd men inte i gång",
                "Ja – etablerad och i gång",
            ],
            [
                "No – no object management appointed",
                "Planned but not appointed",
                "Appointed but not running",
                "Yes – established and running",
            ],
        ),
    ),
    (
        "technical_support",
        (
            "Finns rätt tekniskt stöd: rätt nivå av inloggning, genomtänkta integrationer, och kan lösningen drivas i kommunens miljö?",
            "Is the right technical support there: the right level of login, thought-through integrations, and can the solution run in the municipality's environment?",
            [
                "Låg – passar inte kommunens miljö",
                "Svag – större anpassningar behövs",
                "God – mindre anpassningar behövs",
                "Hög – passar arkitekturen som den är",
            ],
            [
                "Low – does not fit the municipality's environment",
                "Weak – major adaptations needed",
                "Good – minor adaptations needed",
                "High – fits the architecture as it is",
            ],
        ),
    ),
    (
        "compliance",
        (
            "En samlad bedömning av regelefterlevnaden: lagar, personuppgifter (även personuppgiftsbiträdesavtal och överföring till tredje land) och informationssäkerhet.",
            "An overall judgement of compliance: law, personal data (including data processing agreements and transfer to third countries) and information security.",
            [
                "Nej – följer inte reglerna",
                "Tveksamt – allvarliga frågor öppna",
                "I huvudsak – smärre frågor kvar",
                "Ja – följer reglerna fullt ut",
            ],
            [
                "No – does not comply",
                "Doubtful – serious questions open",
                "Mostly – minor questions left",
                "Yes – complies fully",
            ],
        ),
    ),
];

/// Nacka's wording of a criterion; an empty wording for an id Nacka does not have.
pub fn nacka_wording(id: &str) -> Wording {
    NACKA
        .iter()
        .find(|(key, _)| *key == id)
        .map(|(_, (sv, en, ssv, sen))| Wording {
            description_sv: (*sv).into(),
            description_en: (*en).into(),
            scale_sv: ssv.map(String::from),
            scale_en: sen.map(String::from),
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nacka_criterion_is_described_with_four_scores_in_both_languages() {
        for (id, _) in NACKA {
            let w = nacka_wording(id);
            assert!(
                !w.description_sv.is_empty() && !w.description_en.is_empty(),
                "{id}"
            );
            for score in 1..=4 {
                assert!(w.scale(score, true).is_some(), "{id} {score}");
                assert!(w.scale(score, false).is_some(), "{id} {score}");
            }
            assert_eq!(w.scale(0, true), None);
            assert_eq!(w.scale(5, false), None);
        }
        assert_eq!(nacka_wording("unknown"), Wording::default());
    }

    #[test]
    fn nackas_end_points_lead_the_wordings_of_1_and_4() {
        let complexity = nacka_wording("complexity");
        assert!(complexity.scale_sv[0].starts_with("Hög komplexitet"));
        assert!(complexity.scale_sv[3].starts_with("Låg komplexitet"));
        let mandatory = nacka_wording("mandatory");
        assert!(mandatory.scale_sv[0].starts_with("Kan vänta"));
        assert!(mandatory.scale_sv[3].starts_with("Brådskande"));
    }
}
