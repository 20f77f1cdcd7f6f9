//! A large file's rows checked while the user looks at the mapping: the dialog shows the reading
//! of the first rows at once, and the reading of every row once the browser has painted the
//! dialog (at 100,000 rows, half a second); 导入 waits for it.

use std::rc::Rc;

use dingji_rules::draft::OrgDraft;
use dingji_rules::{Lang, Scheme};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::shared::i18n::fill;
use crate::tools::import::{Plan, Reading, read};
use crate::tools::strings::tool_strings;
use crate::wire::sheets::Table;

/// The rows read before the dialog shows: their problems show at once.
pub const FIRST_ROWS: usize = 2_000;

/// The reading the dialog shows first: of every row of a table of few, else of the first
/// [`FIRST_ROWS`] (and `true`: the rest still to check).
pub fn first_reading(
    table: &Table,
    plan: &Plan,
    scheme: &Scheme,
    blank: &OrgDraft,
    lang: Lang,
) -> (Rc<Reading>, bool) {
    match table.rows.get(..=FIRST_ROWS) {
        Some(first) if table.rows.len() > first.len() => {
            let first = Table {
                first_row: table.first_row,
                rows: first.to_vec(),
                quoted: table.quoted,
                notes: table.notes.clone(),
                above: table.above.clone(),
            };
            (Rc::new(read(&first, plan, scheme, blank, lang)), true)
        }
        _ => (Rc::new(read(table, plan, scheme, blank, lang)), false),
    }
}

/// Resolves once the browser has painted what was rendered (the next frame, then a task).
async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let later = Closure::once_into_js(move || {
            let _ = gloo::utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        let _ = gloo::utils::window().request_animation_frame(later.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A first reading shown, and what it was read from: the table and the plan.
pub type Shown = (Rc<Reading>, Rc<Table>, Plan);

/// The reading of every row for the first reading `shown` (while it covers only the first
/// rows): read once the dialog is painted, and kept with the first reading it completes, so that
/// a change that keeps the mapping (a box ticked) keeps it, and a new mapping starts again.
#[hook]
pub fn use_every_row(
    shown: Option<Shown>,
    scheme: Rc<Scheme>,
    blank: OrgDraft,
    lang: Lang,
) -> Option<(Rc<Reading>, Rc<Reading>)> {
    let done = use_state(|| None::<(Rc<Reading>, Rc<Reading>)>);
    // The first reading last shown: a reading for another is not made.
    let latest = use_mut_ref(|| None::<Rc<Reading>>);
    let key = shown.as_ref().map(|(first, ..)| Rc::as_ptr(first) as usize);
    {
        let done = done.clone();
        use_effect_with(key, move |_| {
            latest.replace(shown.as_ref().map(|(first, ..)| first.clone()));
            if let Some((first, table, plan)) = shown {
                wasm_bindgen_futures::spawn_local(async move {
                    painted().await;
                    if !latest
                        .borrow()
                        .as_ref()
                        .is_some_and(|l| Rc::ptr_eq(l, &first))
                    {
                        return;
                    }
                    let every = read(&table, &plan, &scheme, &blank, lang);
                    done.set(Some((first, Rc::new(every))));
                });
            }
        });
    }
    (*done).clone()
}

/// What the dialog says while the rest of `rows` rows are checked.
pub fn checking(lang: Lang, rows: usize) -> Html {
    let t = tool_strings(lang);
    status(
        "import-checking",
        fill(t.import_checking(), &[&rows.to_string()]),
        t.import_checking_short(),
    )
}

/// A step the dialog is busy with: what it says, and a bar named `short`.
fn status(id: &'static str, said: String, short: &str) -> Html {
    html! {
        <p role="status" id={id}>
            { said }
            <progress aria-label={short.to_owned()}></progress>
        </p>
    }
}

/// Runs `apply` once the browser has painted what was rendered: the dialog says that the rows
/// are going in before the list takes them (a second for 100,000, the page busy meanwhile).
pub fn after_paint(apply: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        painted().await;
        apply();
    });
}

/// What the dialog says while `rows` rows go into the list and are graded.
pub fn applying(lang: Lang, rows: usize) -> Html {
    let t = tool_strings(lang);
    status(
        "import-applying",
        fill(t.import_applying(), &[&rows.to_string()]),
        t.import_applying_short(),
    )
}
