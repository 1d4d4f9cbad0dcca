//! From an initiative as read and checked (`InitiativeFile<Loc>`) to the form a loaded portfolio
//! keeps (`InitiativeFile`): no locations, every list and text holding only what it has, and
//! repeated text shared (`Sharing`). Each struct is taken apart without `..`, so a field added
//! to the model does not compile until it is carried over here too.

use super::initiative::{BenefitFile, BusinessCaseFile, FollowUp, InitiativeFile, LineFile};
use super::located::{Loc, Located, NoLoc, OrderedMap};
use super::shared::{Shared, share};

impl InitiativeFile<Loc> {
    /// The kept form. The scores as written (keys, raw text) only serve validation; from then
    /// on `Initiative::scores` holds them, so the kept form has none.
    pub fn kept(self) -> InitiativeFile {
        let InitiativeFile {
            id,
            title,
            summary,
            unit,
            owner,
            submitted,
            stage,
            tags,
            goals,
            hypotheses,
            scores: _,
            motivations,
            business_case,
            benefits,
            decisions,
        } = self;
        InitiativeFile {
            id: id.map(|id| id.map(text)),
            title: title.map(text).kept(),
            summary: summary.map(text),
            unit: unit.map(shared),
            owner: owner.map(shared),
            submitted: submitted.map(Located::kept),
            stage: stage.map(Located::kept),
            tags: list(tags, shared),
            goals: list(goals, |g| g.map(text).kept()),
            hypotheses: list(hypotheses, shared),
            scores: OrderedMap::default(),
            motivations: OrderedMap(list(motivations.0, |(k, v)| (k.map(text).kept(), text(v)))),
            business_case: business_case.map(|c| c.map(BusinessCaseFile::kept).kept()),
            benefits: list(benefits, |b| b.map(BenefitFile::kept).kept()),
            decisions: list(decisions, |d| {
                let mut d = d.kept();
                d.value.forum.iter_mut().for_each(share);
                d.value.note.iter_mut().for_each(share);
                d
            }),
        }
    }
}

impl BusinessCaseFile<Loc> {
    fn kept(self) -> BusinessCaseFile {
        let BusinessCaseFile {
            start_year,
            years,
            costs,
            benefits,
            quality_shift,
        } = self;
        BusinessCaseFile {
            start_year: start_year.kept(),
            years: years.kept(),
            costs: list(costs, |l| l.map(LineFile::kept).kept()),
            benefits: list(benefits, |l| l.map(LineFile::kept).kept()),
            quality_shift: figures(quality_shift),
        }
    }
}

impl LineFile<Loc> {
    fn kept(self) -> LineFile {
        let LineFile {
            name,
            kind,
            amounts,
            yearly,
            from,
            to,
            hours,
            hourly_cost,
            range,
        } = self;
        LineFile {
            name: shared(name),
            kind: kind.kept(),
            amounts: figures(amounts),
            yearly: yearly.map(Located::kept),
            from: from.map(Located::kept),
            to: to.map(Located::kept),
            hours: hours.map(Located::kept),
            hourly_cost: hourly_cost.map(Located::kept),
            range: range.map(|r| r.map(|r| list(r, |d| d)).kept()),
        }
    }
}

impl BenefitFile<Loc> {
    fn kept(self) -> BenefitFile {
        let BenefitFile {
            id,
            title,
            kind,
            chain,
            owner,
            indicator,
            baseline,
            target,
            start,
            due,
            freed_time_use,
            follow_up,
        } = self;
        BenefitFile {
            id: id.map(text).kept(),
            title: shared(title),
            kind: kind.map(Located::kept),
            chain: chain.map(shared),
            owner: owner.map(shared),
            indicator: indicator.map(shared),
            baseline: baseline.map(Located::kept),
            target: target.map(Located::kept),
            start: start.map(Located::kept),
            due: due.map(Located::kept),
            freed_time_use: freed_time_use.map(shared),
            follow_up: list(follow_up, |f| f.map(FollowUp::kept).kept()),
        }
    }
}

impl FollowUp<Loc> {
    fn kept(self) -> FollowUp {
        let FollowUp { date, value, note } = self;
        FollowUp {
            date: date.kept(),
            value,
            note: note.map(shared),
        }
    }
}

/// A list made anew with room for exactly its items (one read from YAML grew by doubling).
fn list<A, B>(items: Vec<A>, f: impl FnMut(A) -> B) -> Vec<B> {
    let mut out = Vec::with_capacity(items.len());
    out.extend(items.into_iter().map(f));
    out
}

/// Year → amount tables.
fn figures<K, V>(
    table: OrderedMap<Located<K, Loc>, Located<V, Loc>>,
) -> OrderedMap<Located<K, NoLoc>, Located<V, NoLoc>> {
    OrderedMap(list(table.0, |(k, v)| (k.kept(), v.kept())))
}

/// A text holding only its bytes (one read from YAML may have grown by doubling).
fn text(mut s: String) -> String {
    s.shrink_to_fit();
    s
}

/// Repeated text as the one met before in this load.
fn shared(mut s: Shared) -> Shared {
    share(&mut s);
    s
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::load::yaml::parse;
    use crate::model::Sharing;

    fn sample() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/portfolio/initiatives");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.sort();
        texts
    }

    #[test]
    fn the_kept_form_holds_every_value_as_written_except_the_raw_scores() {
        let texts = sample();
        assert!(texts.len() > 10);
        let mut scored = 0;
        for text in texts {
            let read: InitiativeFile<Loc> = parse(&text).unwrap();
            scored += usize::from(!read.scores.is_empty());
            let kept = read.kept();
            // Read straight into the kept form: every field the same, the scores as written aside.
            let mut direct: InitiativeFile = parse(&text).unwrap();
            direct.scores = OrderedMap::default();
            assert_eq!(kept, direct, "{text}");
        }
        assert!(scored > 10);
    }

    #[test]
    fn lists_and_texts_hold_only_what_they_have_and_repeated_text_is_shared() {
        let text = "title: T\nunit: Kontaktcenter\ntags: [a, b, c, d, e]\n\
                    goals: [g1, g2, g3]\nbenefits:\n  - {id: b, title: Kortare ledtid}\n";
        let sharing = Sharing::begin();
        let one = parse::<InitiativeFile<Loc>>(text).unwrap().kept();
        let two = parse::<InitiativeFile<Loc>>(text).unwrap().kept();
        drop(sharing);
        assert_eq!(one.tags.capacity(), 5);
        assert_eq!(one.goals.capacity(), 3);
        assert_eq!(one.benefits.capacity(), 1);
        assert_eq!(one.title.value.capacity(), 1);
        let unit = |f: &InitiativeFile| f.unit.clone().unwrap();
        assert!(Arc::ptr_eq(&unit(&one), &unit(&two)));
        let title = |f: &InitiativeFile| f.benefits[0].value.title.clone();
        assert!(Arc::ptr_eq(&title(&one), &title(&two)));
    }
}
