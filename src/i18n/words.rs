//! Labels of the domain's enumerations in Swedish and English, for reports and screens alike.
//! JSON never uses these: it carries the ids.

use super::Lang;
use crate::eval::Model;
use crate::eval::{GateStatus, Quadrant, RankGroup};
use crate::model::{LineKind, Outcome, Stage};
use crate::realisation::{BenefitStatus, Flag, FlagKind, NotPrioritiseReason};

pub fn stage(stage: Stage, lang: Lang) -> &'static str {
    let (sv, en) = match stage {
        Stage::Idea => ("Idé", "Idea"),
        Stage::Preparation => ("Beredning", "Preparation"),
        Stage::Approved => ("Beslutad", "Approved"),
        Stage::Project => ("Projekt", "Project"),
        Stage::Operations => ("Förvaltning", "Operations"),
        Stage::Realisation => ("Effekthemtagning", "Benefit realisation"),
        Stage::Closed => ("Avslutad", "Closed"),
        Stage::Rejected => ("Avslagen", "Rejected"),
        Stage::Parked => ("Parkerad", "Parked"),
    };
    lang.pick(sv, en)
}

pub fn gate(gate: GateStatus, lang: Lang) -> &'static str {
    let (sv, en) = match gate {
        GateStatus::Pass => ("Godkänd", "Passed"),
        GateStatus::Warn => ("Godkänd med varning", "Passed with warning"),
        GateStatus::Blocked => ("Spärrad", "Blocked"),
        GateStatus::NotAssessed => ("Ej bedömd", "Not assessed"),
    };
    lang.pick(sv, en)
}

/// A short gate label for narrow columns: the glossary's word without "med" (at most 12
/// characters).
pub fn gate_short(gate: GateStatus, lang: Lang) -> &'static str {
    let (sv, en) = match gate {
        GateStatus::Pass => ("godkänd", "passed"),
        GateStatus::Warn => ("varning", "warning"),
        GateStatus::Blocked => ("spärrad", "blocked"),
        GateStatus::NotAssessed => ("ej bedömd", "not assessed"),
    };
    lang.pick(sv, en)
}

/// A symbol beside the colour, so that the gate reads without colour too.
pub fn gate_symbol(gate: GateStatus) -> &'static str {
    match gate {
        GateStatus::Pass => "✓",
        GateStatus::Warn => "!",
        GateStatus::Blocked => "✗",
        GateStatus::NotAssessed => "?",
    }
}

pub fn quadrant(quadrant: Quadrant, lang: Lang) -> &'static str {
    let (sv, en) = match quadrant {
        Quadrant::DoNow => ("Gör nu", "Do now"),
        Quadrant::StrengthenFeasibility => ("Stärk genomförbarheten", "Strengthen feasibility"),
        Quadrant::QuickWin => ("Enkel vinst – överväg", "Quick win – consider"),
        Quadrant::Abstain => ("Avstå", "Refrain"),
    };
    lang.pick(sv, en)
}

/// A short quadrant label for narrow columns (at most 11 characters): the glossary's words,
/// shortened by leaving words out, never by abbreviations.
pub fn quadrant_short(quadrant: Quadrant, lang: Lang) -> &'static str {
    let (sv, en) = match quadrant {
        Quadrant::DoNow => ("Gör nu", "Do now"),
        Quadrant::StrengthenFeasibility => ("Stärk", "Strengthen"),
        Quadrant::QuickWin => ("Enkel vinst", "Quick win"),
        Quadrant::Abstain => ("Avstå", "Refrain"),
    };
    lang.pick(sv, en)
}

pub fn group(group: RankGroup, lang: Lang) -> &'static str {
    let (sv, en) = match group {
        RankGroup::Ranked => ("Rangordnade", "Ranked"),
        RankGroup::Incomplete => ("Ofullständigt bedömda", "Incompletely scored"),
        RankGroup::Blocked => ("Spärrade", "Blocked by the compliance gate"),
    };
    lang.pick(sv, en)
}

pub fn benefit_status(status: BenefitStatus, lang: Lang) -> &'static str {
    let (sv, en) = match status {
        BenefitStatus::NotStarted => ("Ej påbörjad", "Not started"),
        BenefitStatus::OnTrack => ("Enligt plan", "On track"),
        BenefitStatus::AtRisk => ("Risk för försening", "At risk"),
        BenefitStatus::Behind => ("Försenad", "Behind"),
        BenefitStatus::Realised => ("Realiserad", "Realised"),
        BenefitStatus::NotFollowedUp => ("Ej uppföljd", "Not followed up"),
    };
    lang.pick(sv, en)
}

/// A flag's name (its reason without the subject).
pub fn flag(kind: FlagKind, lang: Lang) -> &'static str {
    let (sv, en) = match kind {
        FlagKind::NoBenefitOwner => ("Nyttoägare saknas", "No benefit owner"),
        FlagKind::NoMeasurableGoal => ("Mätbart effektmål saknas", "No measurable effect goal"),
        FlagKind::NoStrategicGoal => ("Strategiskt mål saknas", "No strategic goal"),
        FlagKind::FreedTimeUseMissing => (
            "Användning av frigjord tid saknas",
            "Use of freed time missing",
        ),
        FlagKind::NoBusinessCase => ("Nyttokalkyl saknas", "No business case"),
        FlagKind::FollowUpOverdue => ("Uppföljning försenad", "Follow-up overdue"),
        FlagKind::GateBlocked => (
            "Spärrad av regelefterlevnaden",
            "Blocked by the compliance gate",
        ),
        FlagKind::IncompleteScores => ("Ofullständig bedömning", "Incomplete scores"),
    };
    lang.pick(sv, en)
}

pub fn line_kind(kind: LineKind, lang: Lang) -> &'static str {
    let (sv, en) = match kind {
        LineKind::Investment => ("Investering", "Investment"),
        LineKind::Operations => ("Förvaltning", "Operations"),
        LineKind::Financial => ("Finansiell", "Financial"),
        LineKind::Reallocation => ("Omfördelning", "Reallocation"),
        LineKind::Quality => ("Kvalitet", "Quality"),
        LineKind::Environment => ("Miljö", "Environment"),
    };
    lang.pick(sv, en)
}

pub fn outcome(outcome: Outcome, lang: Lang) -> &'static str {
    let (sv, en) = match outcome {
        Outcome::Prioritised => ("Prioriterad", "Prioritised"),
        Outcome::Deferred => ("Bordlagd", "Deferred"),
        Outcome::Returned => ("Återremitterad", "Returned"),
        Outcome::Rejected => ("Avslagen", "Rejected"),
        Outcome::Approved => ("Beslutad", "Approved"),
    };
    lang.pick(sv, en)
}

pub fn not_prioritise(reason: NotPrioritiseReason, lang: Lang) -> &'static str {
    let (sv, en) = match reason {
        NotPrioritiseReason::NoBenefitRealisation => {
            ("Saknar nyttorealisering", "No benefit realisation")
        }
        NotPrioritiseReason::NoStrategicLink => {
            ("Frikopplad från strategin", "Not linked to strategy")
        }
        NotPrioritiseReason::PoorSolution => ("Bristande lösning", "Poor solution"),
    };
    lang.pick(sv, en)
}

/// One line saying what a flag finds missing, with criteria named by their labels (the flag's
/// subject carries ids: data for JSON, not words).
pub fn flag_reason(flag: &Flag, model: &Model, lang: Lang) -> String {
    let plain = flag.subject.is_none();
    let (sv, en) = match flag.kind {
        FlagKind::NoBenefitOwner => ("Nyttoägare saknas", "No benefit owner"),
        FlagKind::NoMeasurableGoal if plain => (
            "Inga effektmål (nyttor) beskrivna",
            "No effect goals (benefits) described",
        ),
        FlagKind::NoMeasurableGoal => (
            "Effektmål utan mått, utgångsläge och målvärde",
            "Effect goal without indicator, baseline and target",
        ),
        FlagKind::NoStrategicGoal => (
            "Ingen koppling till strategiska mål",
            "Not linked to any strategic goal",
        ),
        FlagKind::FreedTimeUseMissing if plain => (
            "Kalkylen har omfördelningsnyttor men ingen plan för den frigjorda tiden",
            "The business case counts reallocation benefits but no plan says how freed time is used",
        ),
        FlagKind::FreedTimeUseMissing => (
            "Omfördelningsnytta utan plan för den frigjorda tiden",
            "Reallocation benefit without a use for the freed time",
        ),
        FlagKind::NoBusinessCase => ("Nyttokalkyl saknas", "No business case"),
        FlagKind::FollowUpOverdue => ("Uppföljning försenad", "Follow-up overdue"),
        FlagKind::GateBlocked => (
            "Spärrad av regelefterlevnaden",
            "Blocked by the compliance gate",
        ),
        FlagKind::IncompleteScores => ("Ej bedömda kriterier", "Unscored criteria"),
    };
    let text = lang.pick(sv, en);
    let label = |id: &str| {
        model
            .criterion(id)
            .map_or(id, |c| lang.pick(&c.name_sv, &c.name_en))
            .to_string()
    };
    let subject = flag.subject.as_deref().map(|subject| match flag.kind {
        FlagKind::IncompleteScores => {
            let names: Vec<String> = subject.split(", ").map(label).collect();
            names.join(", ")
        }
        // "compliance 2 < 3": the criterion, then what was scored against what is asked.
        FlagKind::GateBlocked => match subject.split_once(' ') {
            Some((id, rest)) => format!("{} {rest}", label(id)),
            None => label(subject),
        },
        _ => subject.to_string(),
    });
    match subject {
        Some(subject) => format!("{text}: {subject}"),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_labels_fit_their_columns() {
        for lang in [Lang::Sv, Lang::En] {
            for q in Quadrant::ALL {
                assert!(quadrant_short(q, lang).chars().count() <= 11);
            }
            // The rank table's gate column holds 14: the symbol, a space and the word.
            for g in GateStatus::ALL {
                assert!(gate_short(g, lang).chars().count() <= 12);
            }
        }
    }

    #[test]
    fn every_label_differs_between_languages_where_the_words_do() {
        assert_eq!(stage(Stage::Realisation, Lang::Sv), "Effekthemtagning");
        assert_eq!(stage(Stage::Realisation, Lang::En), "Benefit realisation");
        assert_eq!(
            quadrant(Quadrant::QuickWin, Lang::Sv),
            "Enkel vinst – överväg"
        );
        assert_eq!(gate_symbol(GateStatus::Blocked), "✗");
    }
}
