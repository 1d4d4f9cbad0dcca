//! A benefit's status as of a date: the latest measurement against the straight line from
//! baseline (at start) to target (at due), for rising and falling targets alike.

use rust_decimal::Decimal;

use crate::model::{BenefitFile, Date};

/// How long a measurement stays current, and how long after start a first one may wait.
pub const FOLLOW_UP_INTERVAL_DAYS: i64 = 183;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BenefitStatus {
    NotStarted,
    OnTrack,
    AtRisk,
    Behind,
    Realised,
    NotFollowedUp,
}

impl BenefitStatus {
    pub const ALL: [BenefitStatus; 6] = [
        BenefitStatus::NotStarted,
        BenefitStatus::OnTrack,
        BenefitStatus::AtRisk,
        BenefitStatus::Behind,
        BenefitStatus::Realised,
        BenefitStatus::NotFollowedUp,
    ];

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
    /// Share of the way from baseline to target reached by the latest measurement (1 = target).
    pub achieved: Option<Decimal>,
    /// Share of the way the straight line expects at the latest measurement's date, 0–1.
    pub planned: Option<Decimal>,
    /// The latest measurement on or before the as-of date.
    pub latest: Option<(Date, Decimal)>,
}

/// Gap (planned − achieved) up to which a benefit is on track, and up to which it is at risk.
const ON_TRACK_GAP: Decimal = Decimal::from_parts(10, 0, 0, false, 2);
const AT_RISK_GAP: Decimal = Decimal::from_parts(25, 0, 0, false, 2);

/// The baseline, target and dates that make a benefit measurable against a straight line.
struct Line {
    baseline: Decimal,
    target: Decimal,
    start: Date,
    due: Date,
}

pub fn benefit_status(benefit: &BenefitFile, as_of: Date) -> BenefitProgress {
    let latest = latest(benefit, as_of);
    let achieved = achieved(benefit, latest);
    let planned = match (&benefit.start, &benefit.due, latest) {
        (Some(s), Some(u), Some((t, _))) => Some(planned_share(s.value, u.value, t)),
        _ => None,
    };
    let status = if reached_target(benefit, latest) {
        BenefitStatus::Realised
    } else {
        match line(benefit) {
            Some(line) => on_the_line(&line, latest, achieved, planned, as_of),
            None => without_line(benefit, latest, as_of),
        }
    };
    BenefitProgress {
        id: benefit.id.value.clone(),
        status,
        achieved,
        planned,
        latest,
    }
}

/// Overdue: the status is `not_followed_up` because time has passed without a measurement
/// (as opposed to follow-ups that exist but have no measurable goal to compare with).
pub fn is_overdue(benefit: &BenefitFile, as_of: Date) -> bool {
    let latest = latest(benefit, as_of);
    if line(benefit).is_some() {
        return benefit_status(benefit, as_of).status == BenefitStatus::NotFollowedUp;
    }
    let past_due = benefit.due.as_ref().is_some_and(|u| as_of > u.value);
    latest.is_none() && past_due
}

/// Measurements dated after the as-of date are ignored, so `--as-of` shows the past as it was.
/// On equal dates the one written last wins.
fn latest(benefit: &BenefitFile, as_of: Date) -> Option<(Date, Decimal)> {
    benefit
        .follow_up
        .iter()
        .filter(|f| f.date.value <= as_of)
        .fold(None, |best: Option<(Date, Decimal)>, f| match best {
            Some((d, _)) if d > f.date.value => best,
            _ => Some((f.date.value, f.value.value.0)),
        })
}

/// The latest value is at or beyond the target, in the target's direction from the baseline.
fn reached_target(benefit: &BenefitFile, latest: Option<(Date, Decimal)>) -> bool {
    let (Some(baseline), Some(target), Some((_, value))) =
        (&benefit.baseline, &benefit.target, latest)
    else {
        return false;
    };
    let (baseline, target) = (baseline.value.0, target.value.0);
    (target > baseline && value >= target) || (target < baseline && value <= target)
}

fn achieved(benefit: &BenefitFile, latest: Option<(Date, Decimal)>) -> Option<Decimal> {
    let (baseline, target) = (
        benefit.baseline.as_ref()?.value.0,
        benefit.target.as_ref()?.value.0,
    );
    let (_, value) = latest?;
    // (v − baseline) ÷ (target − baseline): the signs cancel for falling targets. Amounts at
    // the decimal's limits have no share rather than a panic.
    value
        .checked_sub(baseline)?
        .checked_div(target.checked_sub(baseline)?)
}

fn planned_share(start: Date, due: Date, at: Date) -> Decimal {
    let span = due.days() - start.days();
    if span <= 0 {
        return if at >= due {
            Decimal::ONE
        } else {
            Decimal::ZERO
        };
    }
    let elapsed = (at.days() - start.days()).clamp(0, span);
    Decimal::from(elapsed) / Decimal::from(span)
}

fn line(benefit: &BenefitFile) -> Option<Line> {
    let line = Line {
        baseline: benefit.baseline.as_ref()?.value.0,
        target: benefit.target.as_ref()?.value.0,
        start: benefit.start.as_ref()?.value,
        due: benefit.due.as_ref()?.value,
    };
    // A target equal to the baseline promises no change: nothing to measure progress against.
    (line.target != line.baseline).then_some(line)
}

fn on_the_line(
    line: &Line,
    latest: Option<(Date, Decimal)>,
    achieved: Option<Decimal>,
    planned: Option<Decimal>,
    as_of: Date,
) -> BenefitStatus {
    let since_start = as_of.days() - line.start.days();
    if as_of < line.start {
        return BenefitStatus::NotStarted;
    }
    let Some((measured, _)) = latest else {
        return if since_start <= FOLLOW_UP_INTERVAL_DAYS && as_of <= line.due {
            BenefitStatus::NotStarted
        } else {
            BenefitStatus::NotFollowedUp
        };
    };
    let past_due = as_of > line.due;
    let stale = as_of.days() - measured.days() > FOLLOW_UP_INTERVAL_DAYS;
    if (past_due && measured < line.due) || stale {
        return BenefitStatus::NotFollowedUp;
    }
    if past_due {
        return BenefitStatus::Behind;
    }
    match (planned, achieved) {
        (Some(p), Some(a)) => {
            // An achievement beyond the decimal's range is far ahead of any plan.
            let gap = p.checked_sub(a).unwrap_or(Decimal::MIN);
            if gap <= ON_TRACK_GAP {
                BenefitStatus::OnTrack
            } else if gap <= AT_RISK_GAP {
                BenefitStatus::AtRisk
            } else {
                BenefitStatus::Behind
            }
        }
        // Unreachable with a complete line; kept total rather than panicking.
        _ => BenefitStatus::NotFollowedUp,
    }
}

fn without_line(
    benefit: &BenefitFile,
    latest: Option<(Date, Decimal)>,
    as_of: Date,
) -> BenefitStatus {
    let before_due = benefit.due.as_ref().is_none_or(|u| as_of <= u.value);
    if latest.is_none() && before_due {
        BenefitStatus::NotStarted
    } else {
        BenefitStatus::NotFollowedUp
    }
}
