//! Checks that serde cannot make: values whose validity depends on the portfolio (criteria,
//! goals), on each other (years inside the horizon, `from` before `to`), or on the calendar.

use std::collections::HashSet;
use std::path::Path;

use rust_decimal::Decimal;

use super::diagnostic::Diagnostic;
use super::yaml::suggestion;
use crate::model::{
    BenefitFile, BusinessCaseFile, InitiativeFile, LineFile, LineKind, Loc, Located, Settings,
    Stage,
};
use crate::model::{Model, Scores};

/// Collects the findings for one file.
pub struct Checker<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Self {
        Checker {
            path,
            text,
            diagnostics: Vec::new(),
        }
    }

    pub fn error(&mut self, loc: Loc, message: impl Into<String>, hint: Option<String>) {
        let d = Diagnostic::error(self.path, loc, message)
            .with_hint(hint)
            .with_source(self.text);
        self.diagnostics.push(d);
    }

    pub fn warning(&mut self, loc: Loc, message: impl Into<String>, hint: Option<String>) {
        let d = Diagnostic::warning(self.path, loc, message)
            .with_hint(hint)
            .with_source(self.text);
        self.diagnostics.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Validates one initiative; returns its scores (criterion id → 1–4) when they are all valid.
pub fn check_initiative(
    c: &mut Checker,
    file: &InitiativeFile<Loc>,
    model: &Model,
    settings: &Settings,
) -> Scores {
    if file.stage.is_none() {
        c.error(
            file.title.loc,
            "missing required key `stage`",
            Some(stage_list()),
        );
    }
    let scores = check_scores(c, file, model);
    check_goals(c, file, settings);
    if let Some(case) = &file.business_case {
        check_business_case(c, case, settings);
    }
    check_benefits(c, file);
    scores
}

fn stage_list() -> String {
    let ids: Vec<&str> = Stage::ALL.iter().map(|s| s.id()).collect();
    format!("expected one of: {}", ids.join(", "))
}

fn criterion_hint(found: &str, model: &Model) -> Option<String> {
    let ids: Vec<String> = model.criterion_ids().map(String::from).collect();
    match suggestion(found, &ids) {
        Some(s) => Some(format!("did you mean `{s}`?")),
        None => Some(format!("the criteria are: {}", ids.join(", "))),
    }
}

fn check_scores(c: &mut Checker, file: &InitiativeFile<Loc>, model: &Model) -> Scores {
    let mut scores = Scores::new();
    for (key, value) in file.scores.iter() {
        if model.criterion(&key.value).is_none() {
            let hint = criterion_hint(&key.value, model);
            c.error(key.loc, format!("unknown criterion `{}`", key.value), hint);
            continue;
        }
        match value.value.0.trim().parse::<u8>() {
            Ok(n @ 1..=4) => {
                scores.insert(&key.value, n);
            }
            _ => c.error(
                value.loc,
                format!(
                    "score must be a whole number from 1 to 4, found `{}`",
                    value.value.0
                ),
                None,
            ),
        }
    }
    for (key, _) in file.motivations.iter() {
        if model.criterion(&key.value).is_none() {
            let hint = criterion_hint(&key.value, model);
            c.error(
                key.loc,
                format!("motivation for unknown criterion `{}`", key.value),
                hint,
            );
        }
    }
    scores
}

fn check_goals(c: &mut Checker, file: &InitiativeFile<Loc>, settings: &Settings) {
    let ids: Vec<String> = settings
        .strategic_goals
        .iter()
        .map(|g| g.id.clone())
        .collect();
    for goal in &file.goals {
        if !ids.contains(&goal.value) {
            let hint = match suggestion(&goal.value, &ids) {
                Some(s) => Some(format!("did you mean `{s}`?")),
                None if ids.is_empty() => {
                    Some("portfolio.yaml defines no `strategic_goals`".into())
                }
                None => Some(format!("the portfolio's goals are: {}", ids.join(", "))),
            };
            c.error(
                goal.loc,
                format!("`{}` names no strategic goal of the portfolio", goal.value),
                hint,
            );
        }
    }
}

fn check_business_case(
    c: &mut Checker,
    case: &Located<BusinessCaseFile<Loc>>,
    settings: &Settings,
) {
    let years = case.years.value;
    if !(1..=50).contains(&years) {
        c.error(
            case.years.loc,
            format!("`years` must be from 1 to 50, found {years}"),
            None,
        );
        return;
    }
    let first = case.start_year.value;
    let last = first + i32::from(years) - 1;
    let horizon = Horizon { first, last };
    for line in &case.costs {
        check_line(c, line, horizon, true, settings);
    }
    for line in &case.benefits {
        check_line(c, line, horizon, false, settings);
    }
    for (year, shift) in case.quality_shift.iter() {
        horizon.check(c, year, "quality_shift");
        if shift.value.0 < Decimal::ZERO || shift.value.0 > Decimal::TEN {
            c.error(
                shift.loc,
                format!("quality shift is on a 0–10 scale, found {}", shift.value),
                None,
            );
        }
    }
}

#[derive(Clone, Copy)]
struct Horizon {
    first: i32,
    last: i32,
}

impl Horizon {
    fn check(self, c: &mut Checker, year: &Located<i32>, what: &str) -> bool {
        let inside = (self.first..=self.last).contains(&year.value);
        if !inside {
            c.error(
                year.loc,
                format!(
                    "{what} year {} is outside the business case horizon {}–{}",
                    year.value, self.first, self.last
                ),
                Some("change `start_year`/`years`, or the year".into()),
            );
        }
        inside
    }
}

fn check_line(
    c: &mut Checker,
    line: &Located<LineFile<Loc>>,
    horizon: Horizon,
    is_cost: bool,
    settings: &Settings,
) {
    let kind = line.kind.value;
    if kind.is_cost() != is_cost {
        let (list, expected) = if is_cost {
            ("costs", "investment, operations")
        } else {
            ("benefits", "financial, reallocation, quality, environment")
        };
        c.error(
            line.kind.loc,
            format!("`{}` is not a kind of {list}", kind.id()),
            Some(format!("expected one of: {expected}")),
        );
    }
    for (year, _) in line.amounts.iter() {
        horizon.check(c, year, "amount");
    }
    let from_ok = line
        .from
        .as_ref()
        .is_none_or(|y| horizon.check(c, y, "`from`"));
    let to_ok = line.to.as_ref().is_none_or(|y| horizon.check(c, y, "`to`"));
    if let (Some(from), Some(to), true, true) = (&line.from, &line.to, from_ok, to_ok)
        && from.value > to.value
    {
        c.error(
            from.loc,
            format!("`from` {} is after `to` {}", from.value, to.value),
            None,
        );
    }
    if let Some(range) = &line.range {
        match range.value.as_slice() {
            [low, high] if low.0 > high.0 => {
                c.error(
                    range.loc,
                    format!("range low {low} is above its high {high}"),
                    Some("write `range: [low, high]`".into()),
                );
            }
            [low, _] if low.0 < Decimal::ZERO => {
                c.error(range.loc, "range factors cannot be negative", None)
            }
            [_, _] => {}
            _ => c.error(
                range.loc,
                "`range` needs exactly two factors: [low, high]",
                None,
            ),
        }
    }
    if let Some(hours) = &line.hours {
        if kind != LineKind::Reallocation {
            c.error(hours.loc, "`hours` is only for reallocation benefits", None);
        } else if line.hourly_cost.is_none() && settings.hourly_cost.is_none() {
            c.error(
                hours.loc,
                "hours need an hourly cost",
                Some("set `hourly_cost` in portfolio.yaml or on this line".into()),
            );
        }
    }
    if let (Some(_), Some(hours)) = (&line.yearly, &line.hours) {
        let message = format!(
            "line `{}` has both `yearly` and `hours`; `yearly` is used",
            line.name
        );
        c.warning(hours.loc, message, Some("keep one of them".into()));
    }
    if line.amounts.is_empty() && line.yearly.is_none() && line.hours.is_none() {
        c.warning(
            line.loc,
            format!("line `{}` has no `amounts`, `yearly` or `hours`", line.name),
            None,
        );
    }
}

fn check_benefits(c: &mut Checker, file: &InitiativeFile<Loc>) {
    let mut seen = HashSet::new();
    for benefit in &file.benefits {
        if !seen.insert(benefit.id.value.clone()) {
            c.error(
                benefit.id.loc,
                format!(
                    "benefit id `{}` is used twice in this initiative",
                    benefit.id.value
                ),
                None,
            );
        }
        check_benefit(c, benefit);
    }
    let past_preparation = file.stage.as_ref().is_some_and(|s| s.is_past_preparation());
    if past_preparation && file.benefits.is_empty() {
        let stage = file.stage.as_ref().map(|s| s.id()).unwrap_or_default();
        c.warning(
            file.title.loc,
            format!("initiative in stage `{stage}` has no benefits to realise"),
            Some("add `benefits:` with owner, indicator, baseline and target".into()),
        );
    }
}

fn check_benefit(c: &mut Checker, b: &Located<BenefitFile<Loc>>) {
    let id = &b.id.value;
    if let Some(kind) = &b.kind
        && kind.is_cost()
    {
        c.error(
            kind.loc,
            format!("`{}` is not a kind of benefit", kind.id()),
            Some("expected one of: financial, reallocation, quality, environment".into()),
        );
    }
    if let (Some(start), Some(due)) = (&b.start, &b.due)
        && due.value < start.value
    {
        c.error(
            due.loc,
            format!(
                "benefit `{id}` is due {} before it starts {}",
                due.value, start.value
            ),
            None,
        );
    }
    if let Some(start) = &b.start {
        for f in &b.follow_up {
            if f.date.value < start.value {
                c.error(
                    f.date.loc,
                    format!(
                        "follow-up dated {} is before benefit `{id}` starts {}",
                        f.date.value, start.value
                    ),
                    None,
                );
            }
        }
    }
    let is_reallocation = b
        .kind
        .as_ref()
        .is_some_and(|k| k.value == LineKind::Reallocation);
    if is_reallocation
        && b.freed_time_use
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
    {
        c.warning(
            b.id.loc,
            format!(
                "reallocation benefit `{id}` does not say what the freed time will be used for"
            ),
            Some(
                "add `freed_time_use:` — the benefit shows in the operation, not in the budget"
                    .into(),
            ),
        );
    }
    if b.owner.as_deref().is_none_or(|s| s.trim().is_empty()) {
        c.warning(
            b.id.loc,
            format!("benefit `{id}` has no owner"),
            Some("add `owner:` (nyttoägare)".into()),
        );
    }
    if b.baseline.is_none() || b.target.is_none() {
        c.warning(
            b.id.loc,
            format!("benefit `{id}` has no baseline or target, so it cannot be followed up"),
            None,
        );
    }
}
