use super::*;
use crate::eval;

fn portfolio() -> Portfolio {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/portfolio");
    crate::load::load(Some(&root)).expect("fixture").portfolio
}

fn date() -> Date {
    Date::new(2026, 11, 23).expect("a date")
}

fn record() -> MeetingRecord {
    MeetingRecord {
        date: date(),
        forum: "beredningsgruppen".into(),
        roles: Roles {
            attendees: attendees("Anna Berg, Olle Holm ,; Eva <b>Ek</b>"),
            chair: role("Anna Berg"),
            secretary: role(" Olle Holm "),
            adjuster: role("Eva Ek"),
            place: role("Stadshuset, sal A"),
            time: role("13.00–14.30"),
        },
        handled: vec![
            Handled {
                id: "e-tjanst-bygglov".into(),
                changes: vec![Change::Score {
                    criterion: "quality".into(),
                    old: Some(3),
                    new: 4,
                    rationale: Some("Färre *kompletteringar*".into()),
                }],
                decision: Some((Outcome::Prioritised, Some("Villkor | finansiering".into()))),
            },
            Handled {
                id: "skolplattform".into(),
                changes: vec![Change::Stage {
                    old: Some(Stage::Preparation),
                    new: Stage::Rejected,
                }],
                decision: Some((Outcome::Returned, Some("nyttokalkylen".into()))),
            },
        ],
        not_handled: vec!["e-arkiv".into()],
    }
}

#[test]
fn the_protocol_has_its_head_numbered_paragraphs_changes_decisions_and_signatures() {
    let p = portfolio();
    let analysis = eval::analyse(&p, date());
    let sv = minutes_markdown(&p, &analysis, &record(), Lang::Sv);
    let expected = [
        "# Protokoll\n\n",
        "- **Forum:** Beredningsgruppen\n",
        "- **Datum:** 2026-11-23\n",
        "- **Tid:** 13.00–14.30\n",
        "- **Plats:** Stadshuset, sal A\n",
        "- **Närvarande:** Anna Berg, Olle Holm, Eva &lt;b&gt;Ek&lt;/b&gt;\n",
        "- **Ordförande:** Anna Berg\n",
        "- **Sekreterare:** Olle Holm\n",
        "- **Justerare:** Eva Ek\n",
        "## § 1 Val av justerare\n\nBeredningsgruppen utser Eva Ek att jämte ordföranden justera protokollet.\n",
        "## § 2 Godkännande av dagordningen\n\nDagordningen godkänns.\n",
        "## § 3 Digital ansökan om bygglov (e-tjanst-bygglov), Stadsbyggnad\n",
        "Underlag: nyttopoäng 3,00 · genomförbarhetspoäng 3,29 · prioritetstal 9,86 · spärr (regelefterlevnad) ✓ godkänd",
        "- Poäng Förbättrad kvalitet / användarupplevelse: 3 → 4 (motivering: Färre \\*kompletteringar\\*)\n",
        "**Beslut:** Beredningsgruppen beslutar att prioritera initiativet och rekommendera det till digitaliseringsrådet.\n",
        "Anteckning: Villkor \\| finansiering\n",
        "## § 4 Ny skolplattform (skolplattform)",
        "- Fas: beredning → avslagen\n",
        "**Beslut:** Beredningsgruppen beslutar att återremittera ärendet för komplettering av nyttokalkylen.\n",
        "## Initiativ på dagordningen som inte behandlades\n\n- ",
        "Vid protokollet\n\n",
        "Olle Holm, sekreterare\n",
        "Justeras\n\n",
        "Anna Berg, ordförande\n",
        "Eva Ek, justerare\n",
    ];
    for e in expected {
        assert!(sv.contains(e), "missing {e:?} in\n{sv}");
    }
    let positions: Vec<usize> = ["§ 1", "§ 2", "§ 3", "§ 4", "inte behandlades", "Justeras"]
        .iter()
        .map(|e| sv.find(e).expect(e))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert!(
        !sv.contains(".yaml") && !sv.contains("fixtures"),
        "no paths:\n{sv}"
    );
    let en = minutes_markdown(&p, &analysis, &record(), Lang::En);
    assert!(en.starts_with("# Minutes\n"), "{en}");
    assert!(
        en.contains(
            "The preparation group decides to return the matter for completion of nyttokalkylen."
        ),
        "{en}"
    );
}

#[test]
fn missing_roles_and_a_matter_without_decision_are_said_plainly() {
    let p = portfolio();
    let analysis = eval::analyse(&p, date());
    let mut r = record();
    r.roles = Roles::default();
    r.handled.truncate(1);
    r.handled[0].decision = None;
    r.not_handled.clear();
    let sv = minutes_markdown(&p, &analysis, &r, Lang::Sv);
    assert!(sv.contains("- **Närvarande:** ej antecknat\n"), "{sv}");
    assert!(sv.contains("utser ej antecknat att"), "{sv}");
    assert!(sv.contains("Inget beslut fattades i ärendet."), "{sv}");
    assert!(!sv.contains("inte behandlades"), "{sv}");
    assert!(sv.contains("\nsekreterare\n"), "{sv}");
}

#[test]
fn the_agenda_lists_the_pipeline_with_scores_budget_position_and_flags() {
    let p = portfolio();
    let analysis = eval::analyse(&p, date());
    let sv = agenda_markdown(&p, &analysis, date(), Lang::Sv);
    assert!(sv.starts_with("# Dagordning\n"), "{sv}");
    assert!(sv.contains("## § 1 Val av justerare\n"), "{sv}");
    assert!(sv.contains("## § 3 "), "{sv}");
    assert!(sv.contains("## Bilaga: initiativ att bereda\n"), "{sv}");
    let agenda = analysis.agenda(&p.initiatives, date());
    let rows = sv
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| §"))
        .count();
    assert_eq!(rows, agenda.len(), "{sv}");
    assert!(!sv.contains(".yaml"), "{sv}");
}
