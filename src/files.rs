//! Files the person asks for: saving text as a download, and reading a file they chose. Nothing
//! leaves the device; a download is made from memory.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file called `name` for the browser to save.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("The browser would not save the file ({what}).");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("no blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("no address"))?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The bytes of the file chosen in `input`, exactly as they are on disk: a file that is not
/// UTF-8 is then named as such by the core, instead of being read with "�" in its place. A file
/// larger than `limit` is not read at all: its size comes back as the error.
pub async fn chosen_bytes(input: &web_sys::HtmlInputElement, limit: usize) -> Result<Vec<u8>, Refused> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or_else(|| Refused::Problem("Select a file".to_string()))?;
    let size = file.size() as usize;
    if size > limit {
        return Err(Refused::TooBig(size));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Refused::Problem(format!("The file “{}” could not be read", file.name())))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Why a chosen file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Its size in bytes, over the limit.
    TooBig(usize),
    Problem(String),
}
