//! TEMPORARY stand-in for the engine (API.md) while it is written on another branch.
//! Same type names and fields as API.md; simple bodies. Removed when main has the engine.
#![allow(dead_code)]

pub mod eval {
    use rust_decimal::Decimal;

    pub use crate::eval::{Criterion, Gate, Model};
    use crate::model::{Date, Group, Initiative, Portfolio};

    use super::{finance, realisation};

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum GateStatus {
        Pass,
        Warn,
        Blocked,
        NotAssessed,
    }
    impl GateStatus {
        pub fn id(self) -> &'static str {
            match self {
                GateStatus::Pass => "pass",
                GateStatus::Warn => "warn",
                GateStatus::Blocked => "blocked",
                GateStatus::NotAssessed => "not_assessed",
            }
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Quadrant {
        DoNow,
        StrengthenFeasibility,
        QuickWin,
        Abstain,
    }
    impl Quadrant {
        pub fn id(self) -> &'static str {
            match self {
                Quadrant::DoNow => "do_now",
                Quadrant::StrengthenFeasibility => "strengthen_feasibility",
                Quadrant::QuickWin => "quick_win",
                Quadrant::Abstain => "abstain",
            }
        }
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct CriterionScore {
        pub id: String,
        pub group: Group,
        pub score: Option<u8>,
        pub weight: Decimal,
        pub contribution: Option<Decimal>,
        pub motivation: Option<String>,
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct Evaluation {
        pub criteria: Vec<CriterionScore>,
        pub benefit_score: Option<Decimal>,
        pub feasibility_score: Option<Decimal>,
        pub priority: Option<Decimal>,
        pub gate: GateStatus,
        pub complete: bool,
        pub missing: Vec<String>,
        pub quadrant: Option<Quadrant>,
    }

    fn group_score(criteria: &[CriterionScore], group: Group) -> Option<Decimal> {
        let in_group: Vec<_> = criteria.iter().filter(|c| c.group == group).collect();
        let total: Decimal = in_group.iter().map(|c| c.weight).sum();
        if total.is_zero() {
            return None;
        }
        let mut sum = Decimal::ZERO;
        for c in in_group {
            sum += c.weight * Decimal::from(c.score?);
        }
        Some(sum / total)
    }

    pub fn evaluate(model: &Model, initiative: &Initiative) -> Evaluation {
        let criteria: Vec<CriterionScore> = model
            .criteria
            .iter()
            .map(|c| {
                let score = initiative.scores.get(&c.id).copied();
                let total: Decimal = model
                    .criteria
                    .iter()
                    .filter(|o| o.group == c.group)
                    .map(|o| o.weight)
                    .sum();
                CriterionScore {
                    id: c.id.clone(),
                    group: c.group,
                    score,
                    weight: c.weight,
                    contribution: score.map(|s| c.weight * Decimal::from(s) / total),
                    motivation: initiative.motivation(&c.id).map(str::to_string),
                }
            })
            .collect();
        let missing: Vec<String> = criteria
            .iter()
            .filter(|c| c.score.is_none())
            .map(|c| c.id.clone())
            .collect();
        let benefit_score = group_score(&criteria, Group::Benefit);
        let feasibility_score = group_score(&criteria, Group::Feasibility);
        let gate = match &model.gate {
            None => GateStatus::Pass,
            Some(g) => match initiative.scores.get(&g.criterion) {
                None => GateStatus::NotAssessed,
                Some(&s) if s < g.min => GateStatus::Blocked,
                Some(&s) if s == g.min && s < 4 => GateStatus::Warn,
                Some(_) => GateStatus::Pass,
            },
        };
        let t = model.quadrant_threshold;
        let quadrant = match (benefit_score, feasibility_score) {
            (Some(b), Some(f)) => Some(match (b >= t, f >= t) {
                (true, true) => Quadrant::DoNow,
                (true, false) => Quadrant::StrengthenFeasibility,
                (false, true) => Quadrant::QuickWin,
                (false, false) => Quadrant::Abstain,
            }),
            _ => None,
        };
        Evaluation {
            priority: benefit_score.zip(feasibility_score).map(|(b, f)| b * f),
            complete: missing.is_empty(),
            criteria,
            benefit_score,
            feasibility_score,
            gate,
            missing,
            quadrant,
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum RankGroup {
        Ranked,
        Incomplete,
        Blocked,
    }
    impl RankGroup {
        pub fn id(self) -> &'static str {
            match self {
                RankGroup::Ranked => "ranked",
                RankGroup::Incomplete => "incomplete",
                RankGroup::Blocked => "blocked",
            }
        }
    }

    #[derive(Clone, Debug)]
    pub struct Analysis {
        pub as_of: Date,
        pub items: Vec<Analyzed>,
        pub order: Vec<usize>,
    }

    #[derive(Clone, Debug)]
    pub struct Analyzed {
        pub eval: Evaluation,
        pub case: Option<finance::CaseResult>,
        pub benefits: Vec<realisation::BenefitProgress>,
        pub flags: Vec<realisation::Flag>,
        pub rank: usize,
        pub group: RankGroup,
        pub planning_year_cost: Decimal,
        pub within_budget: Option<bool>,
    }

    pub fn analyse(portfolio: &Portfolio, as_of: Date) -> Analysis {
        let mut items: Vec<Analyzed> = portfolio
            .initiatives
            .iter()
            .map(|i| analyse_one(portfolio, i, as_of))
            .collect();
        let mut order: Vec<usize> = (0..items.len()).collect();
        let key = |a: &Analyzed| match a.group {
            RankGroup::Ranked => 0,
            RankGroup::Incomplete => 1,
            RankGroup::Blocked => 2,
        };
        order.sort_by(|&x, &y| {
            let (a, b) = (&items[x], &items[y]);
            key(a)
                .cmp(&key(b))
                .then(b.eval.priority.cmp(&a.eval.priority))
                .then(b.eval.benefit_score.cmp(&a.eval.benefit_score))
                .then(
                    portfolio.initiatives[x]
                        .id
                        .cmp(&portfolio.initiatives[y].id),
                )
        });
        let mut spent = Decimal::ZERO;
        for (pos, &i) in order.iter().enumerate() {
            let item = &mut items[i];
            item.rank = pos + 1;
            if let (Some(budget), RankGroup::Ranked) = (portfolio.settings.budget, item.group) {
                spent += item.planning_year_cost;
                item.within_budget = Some(spent <= budget.0);
            }
        }
        Analysis {
            as_of,
            items,
            order,
        }
    }

    fn analyse_one(portfolio: &Portfolio, i: &Initiative, as_of: Date) -> Analyzed {
        let eval = evaluate(&portfolio.model, i);
        let case = i
            .file
            .business_case
            .as_ref()
            .map(|c| finance::compute(c, &portfolio.settings));
        let group = if eval.gate == GateStatus::Blocked {
            RankGroup::Blocked
        } else if !eval.complete {
            RankGroup::Incomplete
        } else {
            RankGroup::Ranked
        };
        let year = portfolio.settings.planning_year;
        let planning_year_cost = case
            .as_ref()
            .and_then(|c| c.years.iter().find(|r| Some(r.year) == year))
            .map(|r| -r.costs)
            .unwrap_or_default();
        let benefits = i
            .file
            .benefits
            .iter()
            .map(|b| realisation::benefit_status(b, as_of))
            .collect();
        let flags = realisation::flags(i, &eval, case.is_some());
        Analyzed {
            eval,
            case,
            benefits,
            flags,
            rank: 0,
            group,
            planning_year_cost,
            within_budget: None,
        }
    }
}

pub mod finance {
    use rust_decimal::Decimal;

    use crate::model::{BusinessCaseFile, LineFile, LineKind, Settings};

    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct YearRow {
        pub year: i32,
        pub investment: Decimal,
        pub operations: Decimal,
        pub costs: Decimal,
        pub costs_accumulated: Decimal,
        pub financial: Decimal,
        pub reallocation: Decimal,
        pub other: Decimal,
        pub benefits: Decimal,
        pub benefits_accumulated: Decimal,
        pub net: Decimal,
        pub net_accumulated: Decimal,
        pub ratio: Option<Decimal>,
        pub quality_shift: Decimal,
    }

    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct Totals {
        pub costs: Decimal,
        pub benefits: Decimal,
        pub net: Decimal,
        pub npv: Decimal,
        pub ratio: Option<Decimal>,
        pub payback_year: Option<i32>,
        pub npv_low: Decimal,
        pub npv_high: Decimal,
    }

    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct CaseResult {
        pub years: Vec<YearRow>,
        pub totals: Totals,
    }

    fn amount(line: &LineFile, year: i32, first: i32, last: i32, settings: &Settings) -> Decimal {
        if let Some((_, v)) = line.amounts.iter().find(|(y, _)| y.value == year) {
            return v.value.0;
        }
        let from = line.from.as_ref().map_or(first, |f| f.value);
        let to = line.to.as_ref().map_or(last, |t| t.value);
        if year < from || year > to {
            return Decimal::ZERO;
        }
        if let Some(y) = &line.yearly {
            return y.value.0;
        }
        match (&line.hours, line.hourly_cost.as_ref().map(|h| h.value.0)) {
            (Some(h), own) => {
                h.value.0
                    * own
                        .or(settings.hourly_cost.map(|c| c.0))
                        .unwrap_or_default()
            }
            _ => Decimal::ZERO,
        }
    }

    pub fn compute(case: &BusinessCaseFile, settings: &Settings) -> CaseResult {
        let first = case.start_year.value;
        let last = first + i32::from(case.years.value) - 1;
        let mut years = Vec::new();
        let mut acc = YearRow::default();
        let mut npv = Decimal::ZERO;
        let mut discount = Decimal::ONE;
        let mut payback_year = None;
        for year in first..=last {
            let mut row = YearRow {
                year,
                ..YearRow::default()
            };
            for line in case.costs.iter().chain(case.benefits.iter()) {
                let a = amount(line, year, first, last, settings);
                match line.kind.value {
                    LineKind::Investment => row.investment -= a,
                    LineKind::Operations => row.operations -= a,
                    LineKind::Financial => row.financial += a,
                    LineKind::Reallocation => row.reallocation += a,
                    _ => row.other += a,
                }
            }
            row.costs = row.investment + row.operations;
            row.benefits = row.financial + row.reallocation;
            row.net = row.benefits + row.costs;
            acc.costs_accumulated += row.costs;
            acc.benefits_accumulated += row.benefits;
            acc.net_accumulated += row.net;
            row.costs_accumulated = acc.costs_accumulated;
            row.benefits_accumulated = acc.benefits_accumulated;
            row.net_accumulated = acc.net_accumulated;
            row.ratio = (!row.costs.is_zero()).then(|| row.benefits / -row.costs);
            row.quality_shift = case
                .quality_shift
                .iter()
                .find(|(y, _)| y.value == year)
                .map(|(_, v)| v.value.0)
                .unwrap_or_default();
            npv += row.net / discount;
            discount *= Decimal::ONE + settings.discount_rate.0;
            if payback_year.is_none() && row.net_accumulated >= Decimal::ZERO {
                payback_year = Some(year);
            }
            years.push(row);
        }
        let totals = Totals {
            costs: acc.costs_accumulated,
            benefits: acc.benefits_accumulated,
            net: acc.net_accumulated,
            npv,
            ratio: (!acc.costs_accumulated.is_zero())
                .then(|| acc.benefits_accumulated / -acc.costs_accumulated),
            payback_year,
            npv_low: npv * Decimal::new(8, 1),
            npv_high: npv * Decimal::new(12, 1),
        };
        CaseResult { years, totals }
    }
}

pub mod realisation {
    use rust_decimal::Decimal;

    use crate::i18n::Lang;
    use crate::model::{BenefitFile, Date, Initiative};

    use super::eval::{Evaluation, GateStatus};

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum BenefitStatus {
        NotStarted,
        OnTrack,
        AtRisk,
        Behind,
        Realised,
        NotFollowedUp,
    }
    impl BenefitStatus {
        pub fn id(self) -> &'static str {
            match self {
                BenefitStatus::NotStarted => "not_started",
                BenefitStatus::OnTrack => "on_track",
                BenefitStatus::AtRisk => "at_risk",
                BenefitStatus::Behind => "behind",
                BenefitStatus::Realised => "realised",
                BenefitStatus::NotFollowedUp => "not_followed_up",
            }
        }
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct BenefitProgress {
        pub id: String,
        pub status: BenefitStatus,
        pub achieved: Option<Decimal>,
        pub planned: Option<Decimal>,
        pub latest: Option<(Date, Decimal)>,
    }

    pub fn benefit_status(benefit: &BenefitFile, as_of: Date) -> BenefitProgress {
        let latest = benefit
            .follow_up
            .iter()
            .max_by_key(|f| f.date.value)
            .map(|f| (f.date.value, f.value.value.0));
        let due = benefit.due.as_ref().map(|d| d.value);
        let status = match (latest, due) {
            (None, Some(d)) if as_of > d => BenefitStatus::NotFollowedUp,
            (None, _) => BenefitStatus::NotStarted,
            (Some(_), _) => BenefitStatus::OnTrack,
        };
        BenefitProgress {
            id: benefit.id.value.clone(),
            status,
            achieved: None,
            planned: None,
            latest,
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum FlagKind {
        NoBenefitOwner,
        NoMeasurableGoal,
        NoStrategicGoal,
        FreedTimeUseMissing,
        NoBusinessCase,
        FollowUpOverdue,
        GateBlocked,
        IncompleteScores,
    }
    impl FlagKind {
        pub fn id(self) -> &'static str {
            match self {
                FlagKind::NoBenefitOwner => "no_benefit_owner",
                FlagKind::NoMeasurableGoal => "no_measurable_goal",
                FlagKind::NoStrategicGoal => "no_strategic_goal",
                FlagKind::FreedTimeUseMissing => "freed_time_use_missing",
                FlagKind::NoBusinessCase => "no_business_case",
                FlagKind::FollowUpOverdue => "follow_up_overdue",
                FlagKind::GateBlocked => "gate_blocked",
                FlagKind::IncompleteScores => "incomplete_scores",
            }
        }
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct Flag {
        pub kind: FlagKind,
        pub subject: Option<String>,
    }

    impl Flag {
        pub fn reason(&self, lang: Lang) -> String {
            let subject = self.subject.as_deref().unwrap_or("");
            let text = match self.kind {
                FlagKind::NoBenefitOwner => {
                    lang.pick("Nyttan saknar nyttoägare", "The benefit has no owner")
                }
                FlagKind::NoMeasurableGoal => {
                    lang.pick("Inga mätbara effektmål", "No measurable effect goals")
                }
                FlagKind::NoStrategicGoal => {
                    lang.pick("Inget strategiskt mål", "No strategic goal")
                }
                FlagKind::FreedTimeUseMissing => lang.pick(
                    "Det står inte vad frigjord tid ska användas till",
                    "No stated use of freed time",
                ),
                FlagKind::NoBusinessCase => lang.pick("Ingen nyttokalkyl", "No business case"),
                FlagKind::FollowUpOverdue => {
                    lang.pick("Uppföljningen är försenad", "Follow-up overdue")
                }
                FlagKind::GateBlocked => lang.pick(
                    "Spärrad av regelefterlevnad",
                    "Blocked by the compliance gate",
                ),
                FlagKind::IncompleteScores => {
                    lang.pick("Bedömningen är ofullständig", "Scores incomplete")
                }
            };
            if subject.is_empty() {
                text.to_string()
            } else {
                format!("{text}: {subject}")
            }
        }
    }

    pub(crate) fn flags(i: &Initiative, eval: &Evaluation, has_case: bool) -> Vec<Flag> {
        let mut out = Vec::new();
        let mut push = |kind, subject: Option<String>| out.push(Flag { kind, subject });
        for b in &i.file.benefits {
            if b.owner.is_none() {
                push(FlagKind::NoBenefitOwner, Some(b.id.value.clone()));
            }
        }
        if !i
            .file
            .benefits
            .iter()
            .any(|b| b.indicator.is_some() && b.target.is_some())
        {
            push(FlagKind::NoMeasurableGoal, None);
        }
        if i.file.goals.is_empty() {
            push(FlagKind::NoStrategicGoal, None);
        }
        if !has_case {
            push(FlagKind::NoBusinessCase, None);
        }
        if eval.gate == GateStatus::Blocked {
            push(FlagKind::GateBlocked, None);
        }
        if !eval.missing.is_empty() {
            push(FlagKind::IncompleteScores, Some(eval.missing.join(", ")));
        }
        out
    }
}
