//! The DiMiOS mirror for all four principles (DOMAIN.md "DiMiOS mirror: all four principles"):
//! portfolio management, prioritisation, benefit realisation and benefit control, each a list
//! of shares with the initiatives that miss them, and a level 1–4 by the rules in the README
//! ("How bered computes"). What the data shows, no verdict.

use super::maturity::{Maturity, Share};
use crate::eval::{Analysis, Section};
use crate::model::{Outcome, Portfolio, Stage};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Principle {
    PortfolioManagement,
    Prioritisation,
    BenefitRealisation,
    BenefitControl,
}

impl Principle {
    pub const ALL: [Principle; 4] = [
        Principle::PortfolioManagement,
        Principle::Prioritisation,
        Principle::BenefitRealisation,
        Principle::BenefitControl,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Principle::PortfolioManagement => "portfolio_management",
            Principle::Prioritisation => "prioritisation",
            Principle::BenefitRealisation => "benefit_realisation",
            Principle::BenefitControl => "benefit_control",
        }
    }
}

/// What a share asks of an initiative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Requirement {
    Owner,
    Unit,
    Stage,
    StrategicGoal,
    Decision,
    /// A business case, asked once past preparation.
    BusinessCasePastPreparation,
    FullyScored,
    /// A rationale for every score below 2 or above 3.
    RationaleForExtremes,
    /// Nothing approved while a higher-ranked initiative was rejected without a note.
    ConsistentWithRanking,
    MeasurableGoals,
    BenefitOwners,
    Plans,
    CurrentFollowUp,
    BusinessCase,
}

impl Requirement {
    pub fn id(self) -> &'static str {
        match self {
            Requirement::Owner => "owner",
            Requirement::Unit => "unit",
            Requirement::Stage => "stage",
            Requirement::StrategicGoal => "strategic_goal",
            Requirement::Decision => "decision",
            Requirement::BusinessCasePastPreparation => "business_case_past_preparation",
            Requirement::FullyScored => "fully_scored",
            Requirement::RationaleForExtremes => "rationale_for_extremes",
            Requirement::ConsistentWithRanking => "consistent_with_ranking",
            Requirement::MeasurableGoals => "measurable_goals",
            Requirement::BenefitOwners => "benefit_owners",
            Requirement::Plans => "plans",
            Requirement::CurrentFollowUp => "current_follow_up",
            Requirement::BusinessCase => "business_case",
        }
    }
}

/// One share and who misses it (initiative indices, in the default ranking's order).
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    pub requirement: Requirement,
    pub share: Share,
    pub missing: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrincipleMirror {
    pub principle: Principle,
    /// How many initiatives the principle looks at.
    pub population: usize,
    pub shares: Vec<Measured>,
    /// None for an empty population.
    pub level: Option<u8>,
}

impl PrincipleMirror {
    fn share(&self, requirement: Requirement) -> Share {
        self.shares
            .iter()
            .find(|m| m.requirement == requirement)
            .map_or_else(Share::default, |m| m.share)
    }
}

/// Counts a requirement over a population given in order.
fn measure(
    requirement: Requirement,
    population: &[usize],
    met: impl Fn(usize) -> bool,
) -> Measured {
    let missing: Vec<usize> = population.iter().copied().filter(|&i| !met(i)).collect();
    Measured {
        requirement,
        share: Share {
            count: population.len() - missing.len(),
            total: population.len(),
        },
        missing,
    }
}

fn has_text(text: Option<&str>) -> bool {
    text.is_some_and(|t| !t.trim().is_empty())
}

/// Over every initiative not rejected.
pub fn portfolio_management(portfolio: &Portfolio, analysis: &Analysis) -> PrincipleMirror {
    let all = &portfolio.initiatives;
    let population: Vec<usize> = analysis
        .sectioned
        .iter()
        .copied()
        .filter(|&i| all[i].stage() != Some(Stage::Rejected))
        .collect();
    let past: Vec<usize> = population
        .iter()
        .copied()
        .filter(|&i| all[i].stage().is_some_and(Stage::is_past_preparation))
        .collect();
    let shares = vec![
        measure(Requirement::Owner, &population, |i| {
            has_text(all[i].file.owner.as_deref())
        }),
        measure(Requirement::Unit, &population, |i| {
            has_text(all[i].file.unit.as_deref())
        }),
        measure(Requirement::Stage, &population, |i| {
            all[i].stage().is_some()
        }),
        measure(Requirement::StrategicGoal, &population, |i| {
            !all[i].file.goals.is_empty()
        }),
        measure(Requirement::Decision, &population, |i| {
            !all[i].file.decisions.is_empty()
        }),
        measure(Requirement::BusinessCasePastPreparation, &past, |i| {
            all[i].file.business_case.is_some()
        }),
    ];
    let mut mirror = PrincipleMirror {
        principle: Principle::PortfolioManagement,
        population: population.len(),
        shares,
        level: None,
    };
    if mirror.population > 0 {
        mirror.level = Some(portfolio_level(&mirror));
    }
    mirror
}

/// 4: every share ≥ 90 %; 3: owner, stage, strategic goal and business case ≥ 75 %;
/// 2: owner and stage ≥ 50 %; 1: otherwise. An empty share (nothing past preparation) counts
/// as met.
fn portfolio_level(m: &PrincipleMirror) -> u8 {
    use Requirement::*;
    let at = |r, p| {
        let s = m.share(r);
        s.total == 0 || s.at_least(p)
    };
    if m.shares
        .iter()
        .all(|s| s.share.total == 0 || s.share.at_least(90))
    {
        4
    } else if [Owner, Stage, StrategicGoal, BusinessCasePastPreparation]
        .into_iter()
        .all(|r| at(r, 75))
    {
        3
    } else if at(Owner, 50) && at(Stage, 50) {
        2
    } else {
        1
    }
}

/// Over the initiatives still to be decided and the already committed.
pub fn prioritisation(portfolio: &Portfolio, analysis: &Analysis) -> PrincipleMirror {
    let all = &portfolio.initiatives;
    let items = &analysis.items;
    let population: Vec<usize> = analysis
        .sectioned
        .iter()
        .copied()
        .filter(|&i| items[i].section.is_undecided() || items[i].section == Section::Committed)
        .collect();
    let rationale = |i: usize| {
        all[i]
            .scores
            .iter()
            .filter(|&(_, score)| !(2..=3).contains(&score))
            .all(|(id, _)| has_text(all[i].motivation(id)))
    };
    // The best rank of an initiative rejected without a note, if any.
    let silent_rejection = analysis.order.iter().copied().find(|&i| {
        items[i]
            .decision
            .is_some_and(|(_, o)| o == Outcome::Rejected)
            && crate::eval::latest_decision(&all[i]).is_some_and(|d| !has_text(d.note.as_deref()))
    });
    let consistent = |i: usize| {
        let approved = items[i]
            .decision
            .is_some_and(|(_, o)| o == Outcome::Approved);
        match silent_rejection {
            Some(r) if approved => items[r].rank > items[i].rank,
            _ => true,
        }
    };
    let shares = vec![
        measure(Requirement::FullyScored, &population, |i| {
            items[i].eval.complete
        }),
        measure(Requirement::RationaleForExtremes, &population, rationale),
        measure(Requirement::Decision, &population, |i| {
            !all[i].file.decisions.is_empty()
        }),
        measure(Requirement::ConsistentWithRanking, &population, consistent),
    ];
    let mut mirror = PrincipleMirror {
        principle: Principle::Prioritisation,
        population: population.len(),
        shares,
        level: None,
    };
    if mirror.population > 0 {
        mirror.level = Some(prioritisation_level(&mirror));
    }
    mirror
}

/// 4: every share ≥ 90 %; 3: fully scored and rationales ≥ 75 % and consistent ≥ 90 %;
/// 2: fully scored ≥ 25 %; 1: otherwise.
fn prioritisation_level(m: &PrincipleMirror) -> u8 {
    use Requirement::*;
    let at = |r, p| m.share(r).at_least(p);
    if m.shares.iter().all(|s| s.share.at_least(90)) {
        4
    } else if at(FullyScored, 75) && at(RationaleForExtremes, 75) && at(ConsistentWithRanking, 90) {
        3
    } else if at(FullyScored, 25) {
        2
    } else {
        1
    }
}

/// Benefit realisation and benefit control over the started initiatives, from the mirror's
/// shares and their misses.
pub fn benefit_principles(m: &Maturity, started: &[usize]) -> [PrincipleMirror; 2] {
    use Requirement::*;
    let with = |requirement, share: Share, missing: &Vec<usize>| Measured {
        requirement,
        share,
        missing: started
            .iter()
            .copied()
            .filter(|i| missing.contains(i))
            .collect(),
    };
    let realisation = vec![
        with(
            MeasurableGoals,
            m.measurable_goals,
            &m.missing.measurable_goals,
        ),
        with(BenefitOwners, m.benefit_owners, &m.missing.benefit_owners),
        with(Plans, m.plans, &m.missing.plans),
        with(
            CurrentFollowUp,
            m.current_follow_up,
            &m.missing.current_follow_up,
        ),
        with(BusinessCase, m.business_case, &m.missing.business_case),
    ];
    let control = vec![
        with(BusinessCase, m.business_case, &m.missing.business_case),
        with(
            CurrentFollowUp,
            m.current_follow_up,
            &m.missing.current_follow_up,
        ),
        with(
            MeasurableGoals,
            m.measurable_goals,
            &m.missing.measurable_goals,
        ),
    ];
    [
        PrincipleMirror {
            principle: Principle::BenefitRealisation,
            population: m.population,
            shares: realisation,
            level: m.benefit_realisation,
        },
        PrincipleMirror {
            principle: Principle::BenefitControl,
            population: m.population,
            shares: control,
            level: m.benefit_control,
        },
    ]
}

/// All four principles, in DiMiOS order.
pub fn mirror(portfolio: &Portfolio, analysis: &Analysis, m: &Maturity) -> Vec<PrincipleMirror> {
    let started: Vec<usize> = analysis
        .sectioned
        .iter()
        .copied()
        .filter(|&i| {
            portfolio.initiatives[i]
                .stage()
                .is_some_and(Stage::is_started)
        })
        .collect();
    let [realisation, control] = benefit_principles(m, &started);
    vec![
        portfolio_management(portfolio, analysis),
        prioritisation(portfolio, analysis),
        realisation,
        control,
    ]
}
