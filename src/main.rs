//! Mounts the app. Everything else lives in the library so that tests can mount it too.

fn main() {
    dingji::shared::install_panic_message();
    yew::Renderer::<dingji::App>::new().render();
}
