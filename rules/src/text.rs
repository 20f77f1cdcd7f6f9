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

/// `pattern` with each `{n}` (a digit) written by `arg(n, out)`, which says whether it had an
/// argument `n`; a `{` that starts no argument is kept as it is.
pub fn fill(pattern: &str, mut arg: impl FnMut(usize, &mut String) -> bool) -> String {
    let mut pieces = pattern.split('{');
    let mut out = pieces.next().unwrap_or_default().to_owned();
    for piece in pieces {
        let mut chars = piece.chars();
        let written = match (chars.next().and_then(|c| c.to_digit(10)), chars.next()) {
            (Some(n), Some('}')) => arg(n as usize, &mut out),
            _ => false,
        };
        if written {
            out.push_str(piece.get(2..).unwrap_or_default());
        } else {
            out.push('{');
            out.push_str(piece);
        }
    }
    out
}
