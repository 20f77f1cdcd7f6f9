//! Text shown to users, in Simplified Chinese first and English second.

use serde::{Deserialize, Serialize};

/// The language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language's tag for HTML's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language a code names where a message or a saved text carries one: English for
    /// `en`, Chinese for anything else (`zh`, `zh-CN`).
    pub fn of_code(code: &str) -> Lang {
        if code == "en" { Lang::En } else { Lang::Zh }
    }
}

/// A piece of text in both languages. The English may be left out; Chinese is then shown. Any
/// other field is refused, as everywhere in a scheme file (a misspelt `"en "` is not dropped).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Text {
    /// A text with both languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// Whether both languages are empty.
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }

    /// The text in `lang`, falling back to Chinese where there is no English.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.zh,
        }
    }
}

/// `text` cut to its first 24 characters, with an ellipsis where it was longer: how a message
/// quotes what was typed (a cell, a field), so that a long paste never fills the message.
pub fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(24).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// `pattern` with each `{n}` (a digit) written by `arg(n, out)`, which says whether it had an
/// argument `n`, and each `{}` as the next argument in order (the first `{}` is argument 0); a
/// `{` that starts no argument is kept as it is. One function for every sentence of both
/// languages, not generic: `format!` would expand its machinery at each of them, and the pages'
/// wasm carries this code once.
pub fn fill(pattern: &str, arg: &mut dyn FnMut(usize, &mut String) -> bool) -> String {
    let mut pieces = pattern.split('{');
    let mut out = pieces.next().unwrap_or_default().to_owned();
    let mut next = 0;
    for piece in pieces {
        let mut chars = piece.chars();
        let (n, skip) = match (chars.next(), chars.next()) {
            (Some('}'), _) => {
                next += 1;
                (Some(next - 1), 1)
            }
            (Some(c), Some('}')) => (c.to_digit(10).map(|n| n as usize), 2),
            _ => (None, 0),
        };
        if n.is_some_and(|n| arg(n, &mut out)) {
            out.push_str(piece.get(skip..).unwrap_or_default());
        } else {
            out.push('{');
            out.push_str(piece);
        }
    }
    out
}

/// `pattern` with each `{n}` written as `args[n]` and each `{}` as the next of `args` ([`fill`]).
pub fn fill_args(pattern: &str, args: &[&str]) -> String {
    fill(pattern, &mut |n, out| {
        args.get(n).map(|a| out.push_str(a)).is_some()
    })
}
