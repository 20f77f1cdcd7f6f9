//! What the workshop saves, opens and keeps: the trial as a scheme file, a scheme file opened,
//! last year's list read, the comparison exported (CSV, Excel), the trial kept in my schemes,
//! and a link to it. Each is a callback the view puts on a control; what it changes in the
//! workshop goes through the state's actions.

use std::rc::Rc;

use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::list::derive::Graded;
use crate::list::state::ListState;
use crate::shared::download;
use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;
use crate::tools::workshop::export::{comparison_records, comparison_workbook};
use crate::tools::workshop::state::{Action, WorkshopState};
use crate::tools::workshop::{LastYear, TrialResult, adjusted, against_last_year, last_year};
use crate::wire::Error;
use crate::wire::schemes::{MY_SCHEMES_KEY, is_my_schemes, keep_scheme};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The trial, as the list would take it, saved as a scheme file.
pub fn save(result: &Rc<TrialResult>, start: &Rc<Scheme>) -> Callback<MouseEvent> {
    let (result, start) = (result.clone(), start.clone());
    Callback::from(move |_: MouseEvent| {
        if let Ok(tried) = result.as_ref() {
            let scheme = adjusted(&tried.scheme, &start);
            let bytes = js_sys::Uint8Array::from(scheme.to_json().as_bytes());
            download(
                &format!("方案-{}.json", scheme.name.zh),
                &bytes,
                "application/json",
            );
        }
    })
}

/// A scheme file chosen, started from as it is; a bad file changes nothing and is named, with
/// where it is.
pub fn open(send: &Callback<Action>, lang: Lang) -> Callback<Event> {
    let send = send.clone();
    Callback::from(move |e: Event| {
        let Some(file) = crate::shared::file::chosen(&e) else {
            return;
        };
        let send = send.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let text = crate::shared::file::text(&file, lang)
                .await
                .unwrap_or_default();
            send.emit(match Scheme::from_json(&text) {
                Ok(scheme) => Action::StartFrom(Rc::new(scheme)),
                Err(e) => Action::OpenFailed(fill(
                    tool_strings(lang).scheme_file_not_opened(),
                    &[&e.message(lang)],
                )),
            });
        });
    })
}

/// Last year's list chosen (a CSV or a workbook's first visible sheet), read against `scheme`.
pub fn open_last(send: &Callback<Action>, scheme: &Rc<Scheme>, lang: Lang) -> Callback<Event> {
    let (send, scheme) = (send.clone(), scheme.clone());
    Callback::from(move |e: Event| {
        let Some(file) = crate::shared::file::chosen(&e) else {
            return;
        };
        let named_workbook = crate::wire::sheets::named_workbook(&file.name());
        let (send, scheme) = (send.clone(), scheme.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let read = async {
                let bytes = crate::shared::file::bytes(&file, lang).await?;
                let opened = crate::wire::sheets::open(&bytes, "auto", named_workbook).await?;
                let table = match (opened.table, opened.sheets.iter().find(|(_, h)| !h)) {
                    (Some(t), _) => t,
                    (None, Some((name, _))) => {
                        crate::wire::sheets::read_sheet(&bytes, name).await?
                    }
                    (None, None) => {
                        return Err(Error::Refused("工作簿中没有可见的工作表".to_owned()));
                    }
                };
                last_year(&table.from_header(), &scheme, lang)
            };
            send.emit(Action::LastYear(read.await.map(Rc::new).map_err(|why| {
                let why = crate::tools::sheet_said::said(&why, lang);
                fill(tool_strings(lang).last_year_not_read(), &[&why])
            })));
        });
    })
}

/// The comparison as a CSV: every organization before and after, with last year's where given.
pub fn export_csv(
    result: &Rc<TrialResult>,
    list: &Rc<ListState>,
    last: Option<Rc<LastYear>>,
    lang: Lang,
) -> Callback<MouseEvent> {
    let (result, list) = (result.clone(), list.clone());
    Callback::from(move |_: MouseEvent| {
        let Ok(tried) = result.as_ref() else { return };
        let year = last
            .as_ref()
            .map(|l| against_last_year(&list, &tried.graded, tried.scheme.tiers.len(), l));
        let records: Vec<Vec<String>> = comparison_records(&list, tried, year.as_ref(), lang)
            .iter()
            .map(|r| r.iter().map(|c| c.text().to_owned()).collect())
            .collect();
        let bytes = js_sys::Uint8Array::from(crate::tools::export::write_csv(&records).as_bytes());
        download(
            tool_strings(lang).comparison_csv_name(),
            &bytes,
            "text/csv;charset=utf-8",
        );
    })
}

/// The comparison as a workbook: the organizations before and after (and against last year),
/// the tier transitions, and the 汇总表 with its quota lines before and after.
pub fn export_xlsx(
    result: &Rc<TrialResult>,
    list: &Rc<ListState>,
    before: &Rc<Graded>,
    last: Option<Rc<LastYear>>,
    lang: Lang,
) -> Callback<MouseEvent> {
    let (result, list, before) = (result.clone(), list.clone(), before.clone());
    Callback::from(move |_: MouseEvent| {
        let Ok(tried) = result.as_ref() else { return };
        let year = last
            .as_ref()
            .map(|l| against_last_year(&list, &tried.graded, tried.scheme.tiers.len(), l));
        let sheets = comparison_workbook(&list, &before, tried, year.as_ref(), lang);
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(bytes) = crate::wire::sheets::write_workbook(&sheets).await {
                download(tool_strings(lang).comparison_xlsx_name(), &bytes, XLSX);
            }
        });
    })
}

/// The trial kept in my schemes (this browser's), under the name typed if any. Text stored
/// there in another form is kept aside first, never written over.
pub fn keep(
    result: &Rc<TrialResult>,
    start: &Rc<Scheme>,
    state: &WorkshopState,
    send: &Callback<Action>,
) -> Callback<MouseEvent> {
    let (result, start, send) = (result.clone(), start.clone(), send.clone());
    let (name, kept) = (state.name.trim().to_owned(), state.kept.clone());
    Callback::from(move |_: MouseEvent| {
        let Ok(tried) = result.as_ref() else { return };
        let mut scheme = adjusted(&tried.scheme, &start);
        if !name.is_empty() {
            scheme.name.zh = name.clone();
            scheme.name.en = name.clone();
        }
        let Some(storage) = gloo::utils::window().local_storage().ok().flatten() else {
            return;
        };
        if !is_my_schemes(&kept)
            && !crate::shared::keep_aside(Some(&storage), MY_SCHEMES_KEY, &kept)
        {
            return;
        }
        if let Some(text) = keep_scheme(&kept, &scheme)
            && storage.set_item(MY_SCHEMES_KEY, &text).is_ok()
        {
            send.emit(Action::Kept(text));
        }
    })
}

/// A link to the trial (this page, `#scheme=…`): copied where the browser lets it, shown to
/// copy by hand either way.
pub fn make_link(
    result: &Rc<TrialResult>,
    start: &Rc<Scheme>,
    send: &Callback<Action>,
) -> Callback<MouseEvent> {
    let (result, start, send) = (result.clone(), start.clone(), send.clone());
    Callback::from(move |_: MouseEvent| {
        let Ok(tried) = result.as_ref() else { return };
        let Some(data) = crate::tools::workshop::scheme_link(&adjusted(&tried.scheme, &start))
        else {
            return;
        };
        let location = gloo::utils::window().location();
        let url = format!(
            "{}{}#{}{data}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            crate::wire::schemes::SCHEME_LINK,
        );
        crate::shared::copy(None, &url);
        send.emit(Action::Linked(url));
    })
}
