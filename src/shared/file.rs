//! A file the user chose in a file input, read: the one way the pages and the tools take a file
//! (a scheme file, a clerk's spreadsheet, last year's list).

use crate::shared::i18n::Lang;
use crate::wire::Error;
use yew::TargetCast;

/// The file chosen in the input of `e`'s change, if any. The input is cleared, so that the same
/// file chosen again is read again.
pub fn chosen(e: &yew::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

fn unreadable(lang: Lang) -> Error {
    Error::Refused(
        if lang == Lang::Zh {
            "文件无法读取"
        } else {
            "The file cannot be read"
        }
        .to_owned(),
    )
}

/// The file's bytes, or why not (in `lang`).
pub async fn bytes(file: &web_sys::File, lang: Lang) -> Result<js_sys::Uint8Array, Error> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| unreadable(lang))?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// The file as text (UTF-8), or why not (in `lang`).
pub async fn text(file: &web_sys::File, lang: Lang) -> Result<String, Error> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| unreadable(lang))
}
