//! Styles named by what they mean, read from a small theme file (see `themes/README.md`).
//!
//! A theme file has `key = spec` lines; `# ` starts a comment. A spec is words: a foreground colour,
//! `on` and a background colour, and any of `bold dim italic underline reverse`. Colours are the
//! 16 ANSI names (`black red green yellow blue magenta cyan gray darkgray lightred lightgreen
//! lightyellow lightblue lightmagenta lightcyan white`), `reset`, `#rrggbb` or `0`–`255`.
//! `base = NAME` first takes every style from another built-in theme.

use std::path::Path;

use ratatui::style::{Color, Modifier, Style};

/// A theme file that could not be read: the line (1-based, 0 for the file itself) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ThemeError {
    pub line: usize,
    pub message: String,
}

macro_rules! roles {
    ($($name:ident: $doc:literal),* $(,)?) => {
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Role { $($name),* }
        const ROLES: &[(&str, Role)] = &[$((stringify!($name), Role::$name)),*];
        const ROLE_COUNT: usize = ROLES.len();
        impl Theme {
            $(#[doc = $doc] pub fn $name(&self) -> Style { self.styles[Role::$name as usize] })*
        }
    };
}

roles! {
    text: "Ordinary text.",
    muted: "Secondary text: ids, units, hints.",
    header: "The top line with the portfolio's name.",
    tab: "A screen or detail tab that is not active.",
    tab_active: "The active screen or tab.",
    selected: "The selected row or point (themes keep reverse video so it shows without colour).",
    border: "Frames and separators.",
    title: "Headings inside a screen.",
    key: "A key name in the footer and help.",
    status: "The status line: search, reload messages.",
    search_match: "Characters that matched the search.",
    budget_line: "The line where the budget runs out.",
    group_header: "Headings of the incomplete and blocked groups.",
    gate_pass: "Compliance gate passed.",
    gate_warn: "Compliance gate passed with a warning.",
    gate_blocked: "Compliance gate blocked.",
    gate_not_assessed: "Compliance not assessed.",
    flag: "Flag markers and reasons.",
    positive: "Positive money and good news.",
    negative: "Negative money.",
    error: "Errors.",
    warning: "Warnings.",
    bar: "The filled part of a score bar.",
    bar_empty: "The empty part of a score bar.",
    chart_net: "Yearly net in the business case chart; planned line in a benefit chart.",
    chart_accumulated: "Accumulated net; measured follow-ups in a benefit chart.",
    quadrant_do_now: "Quadrant Gör nu.",
    quadrant_strengthen: "Quadrant Stärk genomförbarheten.",
    quadrant_quick_win: "Quadrant Enkel vinst – överväg.",
    quadrant_abstain: "Quadrant Avstå.",
    point: "An initiative in the matrix.",
}

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub name: String,
    styles: [Style; ROLE_COUNT],
}

const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.theme")),
    ("light", include_str!("../../themes/light.theme")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.theme"),
    ),
    ("mono", include_str!("../../themes/mono.theme")),
];

impl Theme {
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(n, _)| *n)
    }

    /// A built-in theme by name, or a theme file by path.
    pub fn load(name_or_path: &str) -> Result<Theme, ThemeError> {
        if let Some((name, text)) = BUILTIN.iter().find(|(n, _)| *n == name_or_path) {
            return Theme::parse(name, text);
        }
        let path = Path::new(name_or_path);
        let text = std::fs::read_to_string(path).map_err(|e| ThemeError {
            line: 0,
            message: format!(
                "cannot read theme `{name_or_path}` ({e}); built-in themes: {}",
                Theme::builtin_names().collect::<Vec<_>>().join(", ")
            ),
        })?;
        let name = path
            .file_stem()
            .map_or_else(|| name_or_path.to_string(), |s| s.to_string_lossy().into());
        Theme::parse(&name, &text)
    }

    /// The built-in default; it is checked by a test, so this never fails in practice.
    pub fn default_theme() -> Theme {
        Theme::load("default").unwrap_or_else(|_| Theme::plain("default"))
    }

    /// No colours and no modifiers except reverse video for the selection.
    fn plain(name: &str) -> Theme {
        let mut styles = [Style::default(); ROLE_COUNT];
        styles[Role::selected as usize] = Style::default().add_modifier(Modifier::REVERSED);
        Theme {
            name: name.into(),
            styles,
        }
    }

    pub fn parse(name: &str, text: &str) -> Result<Theme, ThemeError> {
        let mut theme = Theme::plain(name);
        for (n, raw) in text.lines().enumerate() {
            let line = without_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| ThemeError {
                line: n + 1,
                message,
            };
            let (key, spec) = line
                .split_once('=')
                .ok_or_else(|| err(format!("expected `key = style`, found `{line}`")))?;
            let (key, spec) = (key.trim(), spec.trim());
            if key == "base" {
                let base = BUILTIN
                    .iter()
                    .find(|(b, _)| *b == spec && *b != name)
                    .ok_or_else(|| err(format!("unknown base theme `{spec}`")))?;
                theme.styles = Theme::parse(base.0, base.1)?.styles;
                continue;
            }
            let role = ROLES
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, r)| *r)
                .ok_or_else(|| err(unknown_key(key)))?;
            theme.styles[role as usize] = parse_style(spec).map_err(err)?;
        }
        Ok(theme)
    }

    /// Drops every colour and keeps the modifiers: `NO_COLOR` and `mono`.
    pub fn without_colour(mut self) -> Theme {
        for s in &mut self.styles {
            s.fg = None;
            s.bg = None;
        }
        self
    }

    pub fn gate(&self, id: &str) -> Style {
        match id {
            "pass" => self.gate_pass(),
            "warn" => self.gate_warn(),
            "blocked" => self.gate_blocked(),
            _ => self.gate_not_assessed(),
        }
    }

    pub fn quadrant(&self, id: &str) -> Style {
        match id {
            "do_now" => self.quadrant_do_now(),
            "strengthen_feasibility" => self.quadrant_strengthen(),
            "quick_win" => self.quadrant_quick_win(),
            _ => self.quadrant_abstain(),
        }
    }

    pub fn money(&self, value: rust_decimal::Decimal) -> Style {
        if value.is_sign_negative() && !value.is_zero() {
            self.negative()
        } else {
            self.text()
        }
    }

    /// The style of a typed cell of the shared document model, by its kind.
    pub fn cell(&self, kind: crate::report::cell::Kind) -> Style {
        use crate::report::cell::Kind;
        match kind {
            Kind::Text | Kind::Number => self.text(),
            Kind::Muted | Kind::Undefined => self.muted(),
            Kind::Negative => self.negative(),
            Kind::Gate(g) => self.gate(g.id()),
            Kind::Quadrant(Some(q)) => self.quadrant(q.id()),
            Kind::Quadrant(None) => self.muted(),
            Kind::Flag => self.flag(),
        }
    }

    /// A colour for canvas and chart drawing, which take colours rather than styles.
    pub fn colour_of(style: Style) -> Color {
        style.fg.unwrap_or(Color::Reset)
    }
}

/// A `#` followed by a space or the line's end opens a comment, so `#1e90ff` stays a colour.
fn without_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let end = (0..bytes.len())
        .find(|&i| bytes[i] == b'#' && bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        .unwrap_or(bytes.len());
    &line[..end]
}

fn unknown_key(key: &str) -> String {
    let known: Vec<String> = ROLES.iter().map(|(k, _)| (*k).to_string()).collect();
    match crate::load::yaml::suggestion(key, &known) {
        Some(s) => format!("unknown key `{key}`, did you mean `{s}`?"),
        None => format!("unknown key `{key}`"),
    }
}

fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = spec.split_whitespace();
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        style = match lower.as_str() {
            "bold" => style.add_modifier(Modifier::BOLD),
            "dim" => style.add_modifier(Modifier::DIM),
            "italic" => style.add_modifier(Modifier::ITALIC),
            "underline" => style.add_modifier(Modifier::UNDERLINED),
            "reverse" => style.add_modifier(Modifier::REVERSED),
            "none" => style,
            "on" => {
                let bg = words
                    .next()
                    .ok_or("expected a colour after `on`".to_string())?;
                style.bg(parse_colour(bg)?)
            }
            _ => style.fg(parse_colour(&lower)?),
        };
    }
    Ok(style)
}

fn parse_colour(word: &str) -> Result<Color, String> {
    let lower = word.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix('#') {
        let ok = hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit());
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
        return if ok {
            Ok(Color::Rgb(byte(0), byte(2), byte(4)))
        } else {
            Err(format!("`{word}` is not a colour like #1e90ff"))
        };
    }
    if let Ok(n) = lower.parse::<u8>() {
        return Ok(Color::Indexed(n));
    }
    let colour = match lower.as_str() {
        "reset" | "default" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return Err(format!("unknown colour or modifier `{word}`")),
    };
    Ok(colour)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_parses_and_sets_every_key() {
        for (name, text) in BUILTIN {
            let theme = Theme::parse(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                theme.selected().add_modifier.contains(Modifier::REVERSED),
                "{name}: selection must not rely on colour alone"
            );
            if *name != "mono" && !text.contains("base =") {
                for (key, _) in ROLES {
                    assert!(
                        text.lines()
                            .any(|l| l.trim_start().starts_with(&format!("{key} "))),
                        "{name} lacks {key}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_theme_file_by_path_can_start_from_a_builtin() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.theme");
        std::fs::write(
            &path,
            "# mine\nbase = default\ngate_blocked = #ff5555 bold # red\n",
        )
        .unwrap();
        let theme = Theme::load(&path.display().to_string()).unwrap();
        assert_eq!(theme.name, "mine");
        assert_eq!(theme.gate_blocked().fg, Some(Color::Rgb(255, 85, 85)));
        assert_eq!(theme.header(), Theme::default_theme().header());
        let missing = Theme::load("no-such-theme").unwrap_err();
        assert!(
            missing
                .message
                .contains("default, light, high-contrast, mono"),
            "{}",
            missing.message
        );
    }

    #[test]
    fn errors_name_the_line_and_suggest() {
        let e = Theme::parse("x", "text = red\nselectd = reverse\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.message, "unknown key `selectd`, did you mean `selected`?");
        let e = Theme::parse("x", "text = rød\n").unwrap_err();
        assert_eq!(e.message, "unknown colour or modifier `rød`");
    }

    #[test]
    fn styles_have_colours_backgrounds_and_modifiers() {
        let t = Theme::parse("x", "header = black on #00ff80 bold\npoint = 208").unwrap();
        assert_eq!(
            t.header(),
            Style::default()
                .fg(Color::Black)
                .bg(Color::Rgb(0, 255, 128))
                .add_modifier(Modifier::BOLD)
        );
        assert_eq!(t.point().fg, Some(Color::Indexed(208)));
        assert_eq!(t.without_colour().header().fg, None);
    }
}
