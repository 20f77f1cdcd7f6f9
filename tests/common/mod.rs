//! What the native render tests share: a component or a view function rendered to HTML with
//! yew's `ssr` feature, and the text a user would read in it.
// Each test crate uses a part of these.
#![allow(dead_code)]

use yew::{BaseComponent, Html, LocalServerRenderer, Properties, component};

pub fn render<C: BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[derive(Properties, PartialEq)]
pub struct ShowProps {
    pub html: Html,
}

/// Shows the output of a view function (the page's stateless parts are functions, not components).
#[component]
pub fn Show(props: &ShowProps) -> Html {
    props.html.clone()
}

pub fn render_view(html: Html) -> String {
    render::<Show>(ShowProps { html })
}

/// The visible text of rendered HTML: tags dropped, entities decoded, blanks collapsed.
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the element with `id`.
pub fn by_id(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in {html}"));
    let open = html[..start].rfind('<').unwrap();
    let tag: String = html[open + 1..]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let close = html[start..]
        .find(&format!("</{tag}>"))
        .map(|i| start + i)
        .unwrap();
    text(&html[open..close])
}

/// A text file's records as the import reads them: decoded and read by the sheets worker's
/// reader (the `dingji-sheets` crate), natively.
pub fn records_of_text(text: &str) -> dingji::wire::sheets::Table {
    try_records_of_text(text).expect("the text reads")
}

/// [`records_of_text`], or `None` where the reader refuses the text (an unclosed quote).
pub fn try_records_of_text(text: &str) -> Option<dingji::wire::sheets::Table> {
    let (text, _) = dingji_sheets::decode(text.as_bytes(), dingji_sheets::Encoding::Auto).ok()?;
    let sheet = dingji_sheets::read_text(&text).ok()?;
    Some(dingji::wire::sheets::Table {
        above: Vec::new(),
        first_row: sheet.first_row,
        rows: sheet.rows,
        quoted: true,
        notes: sheet.notes,
    })
}

/// A list under `scheme` read from CSV text, as the import dialog would (its columns guessed).
#[allow(dead_code)] // Not every test file that includes this module imports a list.
pub fn imported_under(
    scheme: std::rc::Rc<dingji_rules::Scheme>,
    csv: &str,
) -> std::rc::Rc<dingji::list::state::ListState> {
    use dingji::list::state::{Action, ListState};
    use dingji::tools::import::{guess_modes, read_rows};
    use yew::Reducible;
    let state = std::rc::Rc::new(ListState::new(scheme));
    let table = records_of_text(csv);
    let headers = table.rows[0].clone();
    let modes = guess_modes(&headers, &state.scheme, &state.modes);
    let cols = dingji::wire::columns::columns(&state.scheme, &modes);
    let mapping: Vec<Option<usize>> = headers
        .iter()
        .map(|h| dingji::tools::import::headers::guess(h, &cols, &state.scheme))
        .collect();
    let drafts = read_rows(
        &table,
        &mapping,
        &state.scheme,
        &modes,
        &state.blank(),
        &[],
        dingji_rules::Lang::Zh,
    )
    .expect("the file reads");
    state.reduce(Action::Import {
        drafts,
        append: false,
        modes,
    })
}
