//! Typed cells: what a figure or a word *is* (money, a score, a gate …), not how it looks. Each
//! surface renders them its own way — plain text, Markdown, CSV, ratatui (the theme styles a cell
//! by its kind) — but the words and figures come from here, once.

use rust_decimal::Decimal;

use crate::eval::{GateStatus, Quadrant};
use crate::i18n::{Lang, format_decimal, format_money, format_number, safe, words};
use crate::model::{Date, Outcome, Stage};
use crate::realisation::BenefitStatus;

/// Shown where a figure is undefined.
pub const NONE: &str = "–";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// How much room a gate or quadrant label gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The gate's symbol alone (the quadrant's short label).
    Symbol,
    /// Symbol and short word, for narrow tables.
    Short,
    /// Symbol and the glossary's full words.
    Full,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    /// Text taken from the portfolio (a title, a unit): made safe when rendered.
    Text(String),
    /// Secondary text from the portfolio (an owner, an id).
    Muted(String),
    /// A word of the interface.
    Word(&'static str),
    /// A whole number: a rank, a count.
    Count(usize),
    /// Money with the currency: `-1 200 000 kr`; `None` is undefined.
    Money(Option<Decimal>),
    /// Money in a column headed "kr": the figure alone.
    Kronor(Option<Decimal>),
    /// A score, priority or ratio, two decimals.
    Score(Option<Decimal>),
    /// A figure as written, with its own decimals (a weight of 1.5, a baseline of 42).
    Exact(Decimal),
    /// A figure with a fixed number of decimals (the template's ratio × 10 has one).
    Fixed(Option<Decimal>, u32),
    Gate(GateStatus, Form),
    Quadrant(Option<Quadrant>, Form),
    Stage(Option<Stage>),
    Status(BenefitStatus),
    /// How many flags, with the flag symbol; blank when none.
    Flags(usize),
    /// A flag's or a warning's words, with the flag symbol.
    Flag(String),
    /// A share: how many of how many, as a percentage (a bar in the TUI).
    Share(usize, usize),
    /// A year (payback); `Some(None)` is "never", `None` undefined.
    Year(Option<Option<i32>>),
    Date(Option<Date>),
    /// Within (`true`) or beyond the budget; `None` not counted.
    Budget(Option<bool>),
    /// The latest decision's outcome; `None`: no decision yet.
    Decision(Option<Outcome>),
    /// An initiative named in a list, "title (id)": the TUI can select it and open its detail.
    Initiative {
        id: String,
        title: String,
    },
}

/// What the theme styles a cell by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Muted,
    Number,
    Negative,
    Gate(GateStatus),
    Quadrant(Option<Quadrant>),
    Flag,
    Undefined,
}

impl Cell {
    pub fn text(value: &str) -> Cell {
        Cell::Text(value.to_string())
    }

    /// Optional text: blank when absent.
    pub fn opt(value: Option<&str>) -> Cell {
        value.map_or(Cell::Empty, Cell::text)
    }

    /// An initiative named in a list, selectable in the TUI.
    pub fn initiative(initiative: &crate::model::Initiative) -> Cell {
        Cell::Initiative {
            id: initiative.id.clone(),
            title: initiative.title().to_string(),
        }
    }

    /// The initiative's id, when the cell names one.
    pub fn initiative_id(&self) -> Option<&str> {
        match self {
            Cell::Initiative { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The cell's words in `lang`, with data text made safe for one line of a terminal.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Muted(s) => safe::line(s).into_owned(),
            Cell::Initiative { id, title } => format!("{} ({})", safe::line(title), safe::line(id)),
            Cell::Word(s) => (*s).to_string(),
            Cell::Count(n) => n.to_string(),
            Cell::Money(v) => v.map_or_else(|| NONE.into(), |v| format_money(v, lang)),
            Cell::Kronor(v) => v.map_or_else(|| NONE.into(), |v| format_number(v, lang)),
            Cell::Score(v) => v.map_or_else(|| NONE.into(), |v| format_decimal(v, 2, lang)),
            Cell::Exact(v) => format_decimal(*v, v.normalize().scale(), lang),
            Cell::Fixed(v, dp) => v.map_or_else(|| NONE.into(), |v| format_decimal(v, *dp, lang)),
            Cell::Gate(g, form) => gate(*g, *form, lang),
            Cell::Quadrant(None, _) => NONE.into(),
            Cell::Quadrant(Some(q), Form::Full) => words::quadrant(*q, lang).into(),
            Cell::Quadrant(Some(q), _) => words::quadrant_short(*q, lang).into(),
            Cell::Stage(s) => s.map_or(NONE, |s| words::stage(s, lang)).into(),
            Cell::Status(s) => words::benefit_status(*s, lang).into(),
            Cell::Flags(0) => String::new(),
            Cell::Flags(n) => format!("⚑{n}"),
            Cell::Flag(s) => format!("⚑ {}", safe::line(s)),
            Cell::Share(_, 0) => NONE.into(),
            Cell::Share(n, total) => format!("{} % ({n}/{total})", n * 100 / total),
            Cell::Year(None) => NONE.into(),
            Cell::Year(Some(None)) => lang.pick("ingen", "none").into(),
            Cell::Year(Some(Some(y))) => y.to_string(),
            Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
            Cell::Budget(None) => NONE.into(),
            Cell::Budget(Some(true)) => lang.pick("inom", "within").into(),
            Cell::Budget(Some(false)) => lang.pick("utanför", "beyond").into(),
            Cell::Decision(None) => NONE.into(),
            Cell::Decision(Some(o)) => words::outcome(*o, lang).into(),
        }
    }

    /// Figures align right, words left.
    pub fn align(&self) -> Align {
        if self.is_figure() {
            Align::Right
        } else {
            Align::Left
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Cell::Muted(_) | Cell::Date(_) | Cell::Budget(_) | Cell::Decision(_) => Kind::Muted,
            Cell::Money(Some(v)) | Cell::Kronor(Some(v))
                if v.is_sign_negative() && !v.is_zero() =>
            {
                Kind::Negative
            }
            Cell::Money(None)
            | Cell::Kronor(None)
            | Cell::Score(None)
            | Cell::Fixed(None, _)
            | Cell::Year(None) => Kind::Undefined,
            Cell::Year(Some(None)) => Kind::Negative,
            figure if figure.is_figure() => Kind::Number,
            Cell::Gate(g, _) => Kind::Gate(*g),
            Cell::Quadrant(q, _) => Kind::Quadrant(*q),
            Cell::Flags(_) | Cell::Flag(_) => Kind::Flag,
            Cell::Share(..) => Kind::Number,
            _ => Kind::Text,
        }
    }

    /// Whether the cell is a figure, which is never cut: it widens its column instead.
    pub fn is_figure(&self) -> bool {
        matches!(
            self,
            Cell::Count(_)
                | Cell::Money(_)
                | Cell::Kronor(_)
                | Cell::Score(_)
                | Cell::Exact(_)
                | Cell::Fixed(..)
                | Cell::Year(_)
        )
    }
}

fn gate(g: GateStatus, form: Form, lang: Lang) -> String {
    let symbol = words::gate_symbol(g);
    match form {
        Form::Symbol => symbol.to_string(),
        Form::Short => format!("{symbol} {}", words::gate_short(g, lang)),
        Form::Full => format!("{symbol} {}", words::gate(g, lang)),
    }
}

/// Fits text into `width` characters: a longer one is cut at the end with `…` (so a figure
/// keeps its sign: it is never cut from the left), a shorter one padded to its alignment.
pub fn fit(text: &str, width: usize, align: Align) -> String {
    let count = text.chars().count();
    if count > width {
        if width == 0 {
            return String::new();
        }
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        return cut;
    }
    let pad = " ".repeat(width - count);
    match align {
        Align::Left => format!("{text}{pad}"),
        Align::Right => format!("{pad}{text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_figure_keeps_its_sign_when_cut() {
        let v: Decimal = "-12345678".parse().unwrap();
        let text = Cell::Money(Some(v)).render(Lang::Sv);
        assert_eq!(text, "-12\u{a0}345\u{a0}678\u{a0}kr");
        assert_eq!(fit(&text, 8, Align::Right), "-12\u{a0}345…");
        assert_eq!(Cell::Money(Some(v)).kind(), Kind::Negative);
    }

    #[test]
    fn data_text_is_made_safe() {
        let text = Cell::text("a\u{1b}[2J\u{202E}b").render(Lang::En);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202E}'),
            "{text}"
        );
    }

    #[test]
    fn text_is_cut_with_an_ellipsis() {
        assert_eq!(fit("Effekthemtagning", 11, Align::Left), "Effekthemt…");
        assert_eq!(fit("åäö", 5, Align::Right), "  åäö");
    }
}
