//! The DiMiOS mirror: where the portfolio's *data* stands against the maturity levels for
//! benefit realisation (nyttorealisering) and benefit control (nyttokontroll). A mirror for the
//! group, not a verdict: it only sees what the files say.

use rust_decimal::Decimal;

use super::flags::is_measurable;
use super::status::BenefitStatus;
use crate::eval::Analysis;
use crate::model::{BenefitFile, Initiative, LineKind, Portfolio};

/// How many of the population meet a requirement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub count: usize,
    pub total: usize,
}

impl Share {
    /// count ÷ total, None for an empty population.
    pub fn ratio(&self) -> Option<Decimal> {
        Decimal::from(self.count).checked_div(Decimal::from(self.total))
    }

    pub(super) fn at_least(&self, percent: i64) -> bool {
        // count/total ≥ p/100 without division.
        self.total > 0 && (self.count as i128) * 100 >= (percent as i128) * (self.total as i128)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Maturity {
    /// Started initiatives (project, operations, realisation, closed): where DiMiOS expects
    /// effect goals, owners and follow-up to exist.
    pub population: usize,
    /// Every benefit has an indicator, a baseline and a different target (at least one benefit).
    pub measurable_goals: Share,
    /// Every benefit has an owner.
    pub benefit_owners: Share,
    /// Every benefit has a due date, and reallocation benefits say what freed time is used for.
    pub plans: Share,
    /// Every benefit is measured recently enough or not yet due for a measurement: none is
    /// `not_followed_up`, and each has a measurement or at least a start date to be due from.
    pub current_follow_up: Share,
    pub business_case: Share,
    /// Level 1–4; None without started initiatives.
    pub benefit_realisation: Option<u8>,
    pub benefit_control: Option<u8>,
    /// Who misses each share (initiative indices, in file order).
    pub missing: Missing,
}

/// The initiatives that miss each share of the mirror.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Missing {
    pub measurable_goals: Vec<usize>,
    pub benefit_owners: Vec<usize>,
    pub plans: Vec<usize>,
    pub current_follow_up: Vec<usize>,
    pub business_case: Vec<usize>,
}

/// The mirror over the started initiatives of the portfolio.
pub fn maturity(portfolio: &Portfolio, analysis: &Analysis) -> Maturity {
    let mut m = Maturity::default();
    let started = portfolio
        .initiatives
        .iter()
        .zip(&analysis.items)
        .enumerate()
        .filter(|(_, (i, _))| i.stage().is_some_and(|s| s.is_started()));
    for (index, (initiative, item)) in started {
        m.population += 1;
        let benefits: Vec<&BenefitFile> =
            initiative.file.benefits.iter().map(|b| &b.value).collect();
        let every = |pred: &dyn Fn(&BenefitFile) -> bool| {
            !benefits.is_empty() && benefits.iter().all(|b| pred(b))
        };
        let current = !benefits.is_empty()
            && benefits.iter().zip(&item.benefits).all(|(b, p)| {
                p.status != BenefitStatus::NotFollowedUp
                    && (p.latest.is_some() || b.start.is_some())
            });
        let miss = &mut m.missing;
        let met = [
            (
                every(&is_measurable),
                &mut m.measurable_goals,
                &mut miss.measurable_goals,
            ),
            (
                every(&|b| has_text(b.owner.as_deref())),
                &mut m.benefit_owners,
                &mut miss.benefit_owners,
            ),
            (every(&has_plan), &mut m.plans, &mut miss.plans),
            (
                current,
                &mut m.current_follow_up,
                &mut miss.current_follow_up,
            ),
            (
                has_case(initiative),
                &mut m.business_case,
                &mut miss.business_case,
            ),
        ];
        for (met, share, missing) in met {
            count(share, met);
            if !met {
                missing.push(index);
            }
        }
    }
    if m.population > 0 {
        m.benefit_realisation = Some(realisation_level(&m));
        m.benefit_control = Some(control_level(&m));
    }
    m
}

fn count(share: &mut Share, met: bool) {
    share.total += 1;
    share.count += usize::from(met);
}

fn has_text(text: Option<&str>) -> bool {
    text.is_some_and(|t| !t.trim().is_empty())
}

fn has_case(initiative: &Initiative) -> bool {
    initiative.file.business_case.is_some()
}

fn has_plan(benefit: &BenefitFile) -> bool {
    let reallocation = benefit
        .kind
        .as_ref()
        .is_some_and(|k| k.value == LineKind::Reallocation);
    benefit.due.is_some() && (!reallocation || has_text(benefit.freed_time_use.as_deref()))
}

/// 4: everything (goals, owners, plans, follow-up, business case) for ≥ 90 %;
/// 3: measurable goals, owners and follow-up for ≥ 75 % ("every project");
/// 2: measurable goals or owners for ≥ 25 % ("only for big projects");
/// 1: otherwise.
fn realisation_level(m: &Maturity) -> u8 {
    let all = [
        m.measurable_goals,
        m.benefit_owners,
        m.plans,
        m.current_follow_up,
        m.business_case,
    ];
    if all.iter().all(|s| s.at_least(90)) {
        4
    } else if [m.measurable_goals, m.benefit_owners, m.current_follow_up]
        .iter()
        .all(|s| s.at_least(75))
    {
        3
    } else if m.measurable_goals.at_least(25) || m.benefit_owners.at_least(25) {
        2
    } else {
        1
    }
}

/// 4: business case, follow-up and measurable goals for ≥ 90 %;
/// 3: business case and follow-up for ≥ 75 % (systematic measuring);
/// 2: business case or follow-up for ≥ 25 % (first routines);
/// 1: otherwise.
fn control_level(m: &Maturity) -> u8 {
    if [m.business_case, m.current_follow_up, m.measurable_goals]
        .iter()
        .all(|s| s.at_least(90))
    {
        4
    } else if m.business_case.at_least(75) && m.current_follow_up.at_least(75) {
        3
    } else if m.business_case.at_least(25) || m.current_follow_up.at_least(25) {
        2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(count: usize, total: usize) -> Share {
        Share { count, total }
    }

    #[test]
    fn thresholds_are_inclusive() {
        assert!(share(9, 10).at_least(90));
        assert!(!share(8, 10).at_least(90));
        assert!(share(3, 4).at_least(75));
        assert!(share(1, 4).at_least(25));
        assert!(!share(0, 0).at_least(25));
    }

    #[test]
    fn levels_follow_the_shares() {
        let mut m = Maturity {
            population: 4,
            measurable_goals: share(4, 4),
            benefit_owners: share(4, 4),
            plans: share(4, 4),
            current_follow_up: share(4, 4),
            business_case: share(4, 4),
            ..Maturity::default()
        };
        assert_eq!((realisation_level(&m), control_level(&m)), (4, 4));
        m.plans = share(3, 4);
        assert_eq!(realisation_level(&m), 3);
        m.current_follow_up = share(2, 4);
        assert_eq!((realisation_level(&m), control_level(&m)), (2, 2));
        m.measurable_goals = share(0, 4);
        m.benefit_owners = share(0, 4);
        m.current_follow_up = share(0, 4);
        m.business_case = share(0, 4);
        assert_eq!((realisation_level(&m), control_level(&m)), (1, 1));
    }
}
