//! Every string the user interface shows. The Chinese is here; the English is the catalogue
//! `assets/en.txt` (with the scheme crate's messages, `scheme/src/error-en.txt`), which a page
//! fetches when English is first chosen ([`load_english`]), so that neither page's first load
//! carries it. The workers and the tools bundle, fetched on first use anyway, carry it built in
//! ([`install_built_in`]). Until the catalogue is in, English falls back to the Chinese.

use std::cell::Cell;
use std::thread::LocalKey;

use dingji_rules::Error;
pub use dingji_rules::Lang;

/// A table of strings: its Chinese, an accessor per string, the names of the strings (the keys
/// of the English catalogue) and a reader of its values from the catalogue, in order.
macro_rules! string_table {
    ($(#[$meta:meta])* $name:ident, $zh:ident, $index:ident { $($(#[$fmeta:meta])* $field:ident: $value:expr,)* }) => {
        $(#[$meta])*
        pub struct $name([&'static str; $index::table_len as usize]);

        pub(crate) const $zh: $name = $name([$($value),*]);

        /// The position of each string in its table.
        #[allow(non_camel_case_types, dead_code)]
        enum $index { $($field,)* table_len }

        #[allow(dead_code)]
        impl $name {
            $($(#[$fmeta])* pub fn $field(&self) -> &'static str { self.0[$index::$field as usize] })*

            /// The strings' names: the catalogue's keys.
            pub(crate) const FIELDS: [&str; $index::table_len as usize] = [$(stringify!($field)),*];

            /// The table from the catalogue's `(key, value)` pairs, matched by key (a key missing
            /// keeps the Chinese; a key the table does not have changes nothing).
            pub(crate) fn read(pairs: &[(&'static str, &'static str)]) -> Self {
                let mut table = $zh.0;
                for (slot, field) in table.iter_mut().zip(Self::FIELDS) {
                    if let Some((_, value)) = pairs.iter().find(|(key, _)| *key == field) {
                        *slot = value;
                    }
                }
                $name(table)
            }
        }
    };
}

pub(crate) use string_table;

mod tables;
use tables::{LIST_ZH, ZH};
pub use tables::{ListStrings, Strings};

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En if let Some(en) = english() => {
            table(&CALCULATOR_EN, || Strings::read(&en.calculator))
        }
        _ => &ZH,
    }
}

/// `text` in `lang`, or its Chinese where it has no English.
fn name(text: &dingji_rules::Text, lang: Lang) -> &str {
    text.get(lang)
}

/// An entry kept aside (`dingji_rules::carry`) as a line: "党员群众测评 · 较差：1",
/// "党委评定：92", "一票否决事项：…"; the calculator lists them, the workshop names those its
/// comparison leaves out.
pub fn unused_line(u: &dingji_rules::carry::Unused, lang: Lang) -> String {
    use dingji_rules::carry::Meaning;
    let s = strings(lang);
    let colon = s.colon();
    match &u.meaning {
        Meaning::Category(_) => format!("{}{colon}{}", s.category(), name(&u.name, lang)),
        Meaning::Veto(_) => format!("{}{colon}{}", s.vetoes(), name(&u.name, lang)),
        Meaning::Score => format!("{}{colon}{}", name(&u.source_name, lang), u.text),
        Meaning::Eligible => format!(
            "{} · {}{colon}{}",
            name(&u.source_name, lang),
            s.eligible(),
            u.text
        ),
        Meaning::Count(_) | Meaning::Indicator(_) => format!(
            "{} · {}{colon}{}",
            name(&u.source_name, lang),
            name(&u.name, lang),
            u.text
        ),
    }
}

/// `pattern` (a string of the tables with `{0}`, `{1}`…) with `args` in place.
pub use dingji_rules::text::fill_args as fill;

/// Why a cell's text was refused, in `lang`: a tier or star level refused is told the scheme's
/// names in `lang`.
pub fn cell_error_message(
    error: &crate::wire::columns::CellError,
    scheme: &dingji_rules::Scheme,
    lang: Lang,
) -> String {
    use crate::wire::columns::CellError;
    let s = list_strings(lang);
    let names = |names: Vec<&str>| names.join(s.list_sep());
    match error {
        CellError::NotANumber(text) => fill(s.cell_not_number(), &[text]),
        CellError::NotACount(text) => fill(s.cell_not_count(), &[text]),
        CellError::NotYes(text) => fill(s.cell_not_yes(), &[text]),
        CellError::NoTier(text) => {
            let tiers = names(scheme.tiers.iter().map(|t| t.name.get(lang)).collect());
            fill(s.cell_no_tier(), &[text, &tiers])
        }
        CellError::NoStars(text) => {
            let levels = scheme.stars.as_ref().map(|s| s.levels.as_slice());
            let stars = names(
                levels
                    .unwrap_or_default()
                    .iter()
                    .map(|l| l.name.get(lang))
                    .collect(),
            );
            fill(s.cell_no_stars(), &[text, &stars])
        }
    }
}

/// The list page's strings of `lang`.
pub fn list_strings(lang: Lang) -> &'static ListStrings {
    match lang {
        Lang::En if let Some(en) = english() => table(&LIST_EN, || ListStrings::read(&en.list)),
        _ => &LIST_ZH,
    }
}

/// The English catalogue, once in: the values of `assets/en.txt`'s two sections, in order, and
/// the rules crate's messages.
struct English {
    calculator: Vec<(&'static str, &'static str)>,
    list: Vec<(&'static str, &'static str)>,
    errors: Vec<(&'static str, &'static str)>,
    /// The presets' English: Chinese and English in turn.
    presets: Vec<&'static str>,
}

thread_local! {
    static ENGLISH: Cell<Option<&'static English>> = const { Cell::new(None) };
    // Each page's table is read from the catalogue when first asked for, so that neither page's
    // code names the other's strings.
    static CALCULATOR_EN: Cell<Option<&'static Strings>> = const { Cell::new(None) };
    static LIST_EN: Cell<Option<&'static ListStrings>> = const { Cell::new(None) };
}

fn english() -> Option<&'static English> {
    ENGLISH.with(Cell::get)
}

/// The table kept in `cell`, made once (and kept for the page's life).
fn table<T>(
    cell: &'static LocalKey<Cell<Option<&'static T>>>,
    make: impl FnOnce() -> T,
) -> &'static T {
    cell.with(|kept| {
        kept.get().unwrap_or_else(|| {
            let made: &'static T = Box::leak(Box::new(make()));
            kept.set(Some(made));
            made
        })
    })
}

/// Takes in the English catalogue: the `(key, value)` pairs of the calculator's and the list
/// page's sections of `assets/en.txt`, the scheme crate's messages by key, and the presets'
/// English (Chinese and English in turn). A second call changes nothing.
pub fn install_english(
    calculator: Vec<(&'static str, &'static str)>,
    list: Vec<(&'static str, &'static str)>,
    errors: Vec<(&'static str, &'static str)>,
    presets: Vec<&'static str>,
) {
    if english().is_none() {
        let english: &'static English = Box::leak(Box::new(English {
            calculator,
            list,
            errors,
            presets,
        }));
        ENGLISH.with(|cell| cell.set(Some(english)));
    }
}

/// The catalogue built in, for the bundles that are fetched on first use anyway (the workers,
/// the tools).
pub fn install_built_in() {
    let text = include_str!("../../assets/en.txt");
    install_english(
        section(text, 1).collect(),
        section(text, 2).collect(),
        dingji_rules::error::en_patterns().to_vec(),
        dingji_rules::presets::english().to_vec(),
    );
}

/// The preset schemes, with their English once the catalogue is in (the pages' first load does
/// not carry it: see `dingji_rules::presets::all_with`).
pub fn presets() -> Vec<std::rc::Rc<dingji_rules::Scheme>> {
    let english = english().map_or(&[][..], |en| &en.presets);
    dingji_rules::presets::all_with(english)
        .into_iter()
        .map(std::rc::Rc::new)
        .collect()
}

/// Whether the English catalogue is in.
pub fn has_english() -> bool {
    english().is_some()
}

/// The `key = value` lines of section `n` of the catalogue (sections start at a `[name]` line: 1
/// is the calculator's, 2 the list page's) as `(key, value)`; a value in quotes without them.
/// (`scripts/post-build.mjs` reads the catalogue the same way for the pages.)
pub(crate) fn section(
    text: &'static str,
    n: usize,
) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.split('[')
        .nth(n)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            if key.starts_with('#') {
                return None;
            }
            let value = value.strip_prefix(' ').unwrap_or(value);
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            Some((key.trim_end(), value))
        })
}

/// An error of the rules crate in `lang` (in Chinese until the English catalogue is in).
pub fn error_message(error: &Error, lang: Lang) -> String {
    match lang {
        Lang::En if let Some(en) = english() => error.message_in(&en.errors),
        _ => error.message_in(dingji_rules::error::ZH),
    }
}

/// The error of `field` in `lang`, naming the field in `lang` (the rules name it in Chinese).
pub fn field_error_message(
    error: &Error,
    field: &dingji_rules::draft::Field,
    scheme: &dingji_rules::Scheme,
    lang: Lang,
) -> String {
    match lang {
        Lang::En if let Some(en) = english() => {
            error.message_naming(&en.errors, &field.names(scheme, lang))
        }
        _ => error.message_in(dingji_rules::error::ZH),
    }
}

/// The error of `field` in row `row` of organization `org`, in `lang`, naming the field in
/// `lang` (as `Error::in_row` says it).
pub fn row_error_message(
    error: &Error,
    field: &dingji_rules::draft::Field,
    (row, org): (usize, &str),
    scheme: &dingji_rules::Scheme,
    lang: Lang,
) -> String {
    match lang {
        Lang::En if let Some(en) = english() => {
            error.message_in_row(row, org, &en.errors, &field.names(scheme, lang))
        }
        _ => error.message_in_row(row, org, dingji_rules::error::ZH, &[]),
    }
}

/// Fetches the English catalogue (once) and calls `done` when it is in; at once if it is already.
/// A catalogue that cannot be fetched leaves the page in Chinese.
#[cfg(target_arch = "wasm32")]
pub fn load_english(done: impl FnOnce() + 'static) {
    if has_english() {
        done();
        return;
    }
    use wasm_bindgen::JsCast;
    // `self.dingjiEn`: four arrays of strings (the calculator's keys and values in turn, the list
    // page's the same, the messages as `key<TAB>pattern` lines, the presets' Chinese and English
    // in turn).
    crate::wire::client::load_script("./en.js", "dingjiEn", move |global| {
        // The file is the app's own (post-build.mjs writes it): only its absence is checked.
        if global.is_object() {
            let parts: &js_sys::Array = global.unchecked_ref();
            let part = |i: u32| -> Vec<&'static str> {
                let leak = |v: String| -> &'static str { v.leak() };
                let values: js_sys::Array = parts.get(i).unchecked_into();
                values
                    .iter()
                    .filter_map(|v| v.as_string())
                    .map(leak)
                    .collect()
            };
            let pairs = |values: Vec<&'static str>| -> Vec<(&'static str, &'static str)> {
                values.chunks_exact(2).map(|p| (p[0], p[1])).collect()
            };
            install_english(
                pairs(part(0)),
                pairs(part(1)),
                dingji_rules::error::keyed(part(2)),
                part(3),
            );
        }
        done();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOGUE: &str = include_str!("../../assets/en.txt");

    #[test]
    fn each_section_has_every_string_by_key_none_extra_none_twice() {
        for (n, fields) in [(1, &Strings::FIELDS[..]), (2, &ListStrings::FIELDS[..])] {
            let mut keys: Vec<&str> = section(CATALOGUE, n).map(|(k, _)| k).collect();
            keys.sort_unstable();
            let before = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), before, "a key twice in section {n}");
            let mut fields = fields.to_vec();
            fields.sort_unstable();
            assert_eq!(keys, fields, "section {n}: a key missing or extra");
        }
        // Sections are found by their `[`: no value may hold one.
        assert_eq!(
            CATALOGUE.matches('[').count(),
            3,
            "three sections: calculator, list, tools"
        );
    }

    #[test]
    fn english_reads_from_the_catalogue_and_keeps_its_spaces() {
        install_built_in();
        let en = strings(Lang::En);
        assert_eq!(
            en.app_title(),
            "Grassroots Party organization grading calculator"
        );
        assert_eq!((en.colon(), en.paren_open()), (": ", " ("));
        assert_eq!(list_strings(Lang::En).source_of_rules(), "Source");
        assert_eq!(strings(Lang::Zh).colon(), "：");
        let error = Error::Empty {
            field: "Score".into(),
        }
        .in_row(2, "");
        assert_eq!(error_message(&error, Lang::En), "Row 2: \"Score\" is empty");
        assert_eq!(error_message(&error, Lang::Zh), "第 2 行：「Score」未填写");
    }
}
