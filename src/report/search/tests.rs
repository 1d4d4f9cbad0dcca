use super::*;
use crate::model::{Initiative, InitiativeFile, Located};

fn initiative(id: &str, title: &str, owner: &str, unit: &str, tags: &[&str]) -> Initiative {
    let file = InitiativeFile {
        title: Located::new(title.to_string()),
        owner: Some(owner.into()),
        unit: Some(unit.into()),
        tags: tags.iter().map(|&t| t.into()).collect(),
        ..InitiativeFile::default()
    };
    Initiative {
        id: id.into(),
        path: Default::default(),
        file,
        scores: Default::default(),
    }
}

fn found(initiatives: &[Initiative], query: &str) -> Vec<String> {
    let index = SearchIndex::build(initiatives);
    let mut search = Search {
        query: query.into(),
        ..Search::default()
    };
    search.refresh(&index);
    search
        .best_first()
        .unwrap_or_default()
        .into_iter()
        .map(|i| initiatives[i].id.clone())
        .collect()
}

/// Titled as in issue 12; owner and unit spell l…a…g across fields.
fn two() -> Vec<Initiative> {
    vec![
        initiative("i1", "Likavärde A", "Lars", "Gata", &["ekonomi"]),
        initiative("i2", "Lagkrav som väger tungt", "Anna", "IT", &["juridik"]),
    ]
}

#[test]
fn a_word_matches_within_one_field_never_across_them() {
    assert_eq!(found(&two(), "lag"), ["i2"]);
    assert_eq!(found(&two(), "lars"), ["i1"]);
    assert_eq!(found(&two(), "gata"), ["i1"]);
}

#[test]
fn every_word_must_match_in_some_field() {
    assert_eq!(found(&two(), "lag anna"), ["i2"]);
    assert_eq!(found(&two(), "lag lars"), Vec::<String>::new());
    assert_eq!(found(&two(), "juridik tungt"), ["i2"]);
    assert_eq!(found(&two(), "!lag"), ["i1"]);
}

#[test]
fn scattered_letters_do_not_match_and_pieces_rank_below_contiguous() {
    let list = vec![
        initiative(
            "scattered",
            "Förbättrad arbetsmiljö i alla lokaler",
            "O",
            "U",
            &[],
        ),
        initiative("pieces", "Digital post till medborgare", "O", "U", &[]),
        initiative("contiguous", "Digpost för skolan", "O", "U", &[]),
    ];
    // f…a…l…l over a long title is no match; "digpost" as Dig|post is, below Digpost.
    assert_eq!(found(&list, "fall"), Vec::<String>::new());
    assert_eq!(found(&list, "digpost"), ["contiguous", "pieces"]);
    // Case and accents are forgiven.
    assert_eq!(found(&list, "forbattrad"), ["scattered"]);
}

#[test]
fn typing_a_query_letter_by_letter_equals_searching_it_at_once() {
    let list = vec![
        initiative("a", "Fa llande ärenden", "O", "U", &[]),
        initiative("b", "Falun", "O", "U", &[]),
        initiative("c", "Fallstudie", "O", "U", &["fall"]),
        initiative("d", "Digital post", "O", "U", &[]),
        initiative("e", "Fal lad lande", "O", "U", &[]),
    ];
    let index = SearchIndex::build(&list);
    let mut typed = Search::default();
    for query in [
        "f", "fa", "fal", "fall", "falla", "fallan", "fall", "fall ", "fall s", "fall st", "d",
        "di", "dig", "digp",
    ] {
        typed.query = query.into();
        typed.refresh(&index);
        let mut fresh = Search {
            query: query.into(),
            ..Search::default()
        };
        fresh.refresh(&index);
        assert_eq!(typed.matches(), fresh.matches(), "{query}");
        assert_eq!(typed.best(), fresh.best(), "{query}");
    }
}

#[test]
fn title_highlights_mark_only_the_title() {
    let list = two();
    let index = SearchIndex::build(&list);
    let mut search = Search {
        query: "lag tung".into(),
        ..Search::default()
    };
    search.refresh(&index);
    search.highlight(&index, &[1]);
    assert_eq!(search.title_highlights(1), [0, 1, 2, 18, 19, 20, 21]);
}

fn numbered(n: usize) -> Initiative {
    let words = [
        "Digital",
        "post",
        "Översikt",
        "ekonomi",
        "bygglov",
        "sensor",
        "skola",
        "arkiv",
    ];
    let title = format!(
        "{} {} {} {n}",
        words[n % 8],
        words[(n / 8) % 8],
        words[(n / 64) % 8]
    );
    initiative(&format!("i{n}"), &title, "Ägare", "Enhet", &["tagg"])
}

#[test]
fn matching_split_across_cores_equals_one_scan() {
    let initiatives: Vec<Initiative> = (0..12_000).map(numbered).collect();
    let index = SearchIndex::build(&initiatives);
    let all: Vec<usize> = (0..initiatives.len()).collect();
    let config = Search::default().matcher.config.clone();
    for query in [
        "d",
        "digpost",
        "oversikt",
        "Översikt ekonomi",
        "zzz",
        "arkiv 11",
        "!post",
    ] {
        let atoms = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart).atoms;
        let mut one = Matcher::new(config.clone());
        let mut positions = Vec::new();
        let expected: Vec<(usize, u32)> = all
            .iter()
            .filter_map(|&i| {
                score_initiative(
                    &atoms,
                    (&index.fields[i], &index.joined[i]),
                    &mut one,
                    &mut positions,
                )
                .map(|s| (i, s))
            })
            .collect();
        let split = match_all(&atoms, &index, &all, &mut Matcher::new(config.clone()));
        assert_eq!(split, expected, "{query}");
    }
}
