//! The one line codec of what the app keeps and sends: the calculator's saved inputs and share
//! links (tokens separated by a space) and the saved list (tokens separated by a tab). A token
//! has `\\`, newline and its line's separator escaped, so that any text survives.

use std::borrow::Cow;

/// A separator of tokens and the letter that stands for it when escaped.
pub type Sep = (char, char);

/// Tokens separated by a space (`\s` inside a token): the calculator's saved form.
pub const SPACE: Sep = (' ', 's');

/// Tokens separated by a tab (`\t` inside a token): the saved list.
pub const TAB: Sep = ('\t', 't');

/// `token` with `\\`, newline and the separator `sep` escaped.
pub fn escape_token(token: &str, sep: Sep) -> Cow<'_, str> {
    if !token.contains(['\\', '\n', sep.0]) {
        return Cow::Borrowed(token);
    }
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c == sep.0 => {
                out.push('\\');
                out.push(sep.1);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The token that [`escape_token`] escaped, or `None` if an escape is broken.
pub fn unescape_token(token: &str, sep: Sep) -> Option<Cow<'_, str>> {
    // Most tokens have no escape: lent as they are (a list of 100,000 rows has a million, each
    // copied once, where it is kept).
    if !token.contains('\\') {
        return Some(Cow::Borrowed(token));
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(match chars.next()? {
                '\\' => '\\',
                'n' => '\n',
                c if c == sep.1 => sep.0,
                _ => return None,
            });
        } else {
            out.push(c);
        }
    }
    Some(Cow::Owned(out))
}

/// A line of tokens joined by `sep`, each escaped.
pub fn join_line(tokens: &[String], sep: Sep) -> String {
    let mut out = String::new();
    push_line(&mut out, tokens, sep);
    out
}

/// [`join_line`] written onto the end of `out`: a long text is written a token at a time, each
/// copied once, where it lands.
pub fn push_line<T: AsRef<str>>(out: &mut String, tokens: impl IntoIterator<Item = T>, sep: Sep) {
    for (i, t) in tokens.into_iter().enumerate() {
        if i > 0 {
            out.push(sep.0);
        }
        out.push_str(&escape_token(t.as_ref(), sep));
    }
}

/// The tokens of a line joined by `sep`, or `None` if an escape is broken.
pub fn split_line(line: &str, sep: Sep) -> Option<Vec<Cow<'_, str>>> {
    line.split(sep.0).map(|t| unescape_token(t, sep)).collect()
}

/// How a message quotes what was typed (its first 24 characters, "…" marking the cut): the
/// rules' own, so that the pages and the rules quote alike.
pub use dingji_rules::text::excerpt;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_lines_round_trip() {
        let tokens = vec![
            "a\tb".to_owned(),
            "c\\d".into(),
            "e\nf".into(),
            String::new(),
        ];
        let line = join_line(&tokens, TAB);
        assert_eq!(
            split_line(&line, TAB),
            Some(tokens.iter().map(|t| t.into()).collect())
        );
        assert_eq!(split_line("bad\\x", TAB), None);
    }
}
