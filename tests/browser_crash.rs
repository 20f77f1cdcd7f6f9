//! Browser test: a fault in the page shows the page's own message over it (yew, when it renders
//! an app, replaces any panic hook not set through it).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_fault_after_the_app_has_rendered_is_said_over_the_page() {
    dingji::shared::install_panic_message();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<dingji::App>::with_root(root).render();
    yew::scheduler::flush().await;
    assert!(document.query_selector(".crash").unwrap().is_none());
    // A fault in a callback of its own (a panic aborts what runs it, not this test).
    let fault = wasm_bindgen::closure::Closure::once_into_js(|| -> () { panic!("a fault") });
    let window = gloo::utils::window();
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            wasm_bindgen::JsCast::unchecked_ref(&fault),
            0,
        )
        .unwrap();
    let waited = js_sys::Promise::new(&mut |resolve, _| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(waited).await.unwrap();
    let shown = document.query_selector(".crash").unwrap();
    let text = shown.and_then(|e| e.text_content()).unwrap_or_default();
    assert!(
        text.starts_with("页面出错，已停止运行；已保存的数据未改动，请刷新页面。"),
        "{text}"
    );
}
