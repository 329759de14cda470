//! Reading from storage: everything at start-up (the records a part at a time, sealed values
//! opened, what cannot be read set aside with its reason), one document again as another tab
//! saved it, and what was set aside.

use super::idb::{SETTINGS_KEY, Tx, stores};
use super::move_in::move_in;
use super::{Loaded, SaveError, StoreProblem, Stored, database, envelope, legacy, sealed};
use redress_core::assessment::Assessment;
use redress_core::record::Record;
use redress_core::record::deletion::Deletion;
use redress_core::settings::Settings;
use web_sys::IdbDatabase;

/// Opens the database, moves in what the old door left in localStorage, and reads everything.
/// Never fails: whatever cannot be read is reported in [`Loaded::problems`].
pub async fn open() -> Loaded {
    let db = match database().await {
        Ok(db) => db,
        Err(error) => {
            // Without the database, what the old door kept is still shown, so nothing seems lost.
            let mut loaded = legacy_only();
            loaded.problems.insert(
                0,
                StoreProblem(format!(
                    "Redress cannot open this browser’s database, so nothing you change can be kept: {error}."
                )),
            );
            return loaded;
        }
    };
    let mut problems = Vec::new();
    if let Err(problem) = move_in(&db, None).await {
        problems.push(problem);
    }
    match read_everything(&db).await {
        Ok(mut loaded) => {
            loaded.problems.splice(0..0, problems);
            loaded
        }
        Err(error) => {
            let mut loaded = legacy_only();
            loaded.problems.push(StoreProblem(format!(
                "Redress could not read your records from this browser’s database: {error}."
            )));
            loaded
        }
    }
}

/// What the old door kept, read straight from localStorage (when the database cannot be used).
fn legacy_only() -> Loaded {
    let mut loaded = Loaded::default();
    for (key, text) in legacy::read_all() {
        let destination = legacy::destination(&key);
        take(&mut loaded, destination.store, &destination.key, &text);
    }
    loaded
}

/// What a store's values are, in words.
fn what(store: &str) -> Option<&'static str> {
    match store {
        stores::RECORDS => Some("record"),
        stores::ASSESSMENTS => Some("self-assessment"),
        stores::SETTINGS => Some("settings"),
        stores::DELETIONS => Some("record of a deletion"),
        _ => None,
    }
}

fn unreadable_problem(what: &str, key: &str, why: &str) -> StoreProblem {
    StoreProblem(format!(
        "A stored {what} (“{key}”) could not be read because {why}. It has been kept, unchanged, with the data set aside."
    ))
}

/// Reads one stored value into `loaded`; returns false when it could not be read.
fn take(loaded: &mut Loaded, store: &str, key: &str, text: &str) -> bool {
    let Some(what) = what(store) else { return true };
    let warn = |loaded: &mut Loaded, problems: Vec<redress_core::exchange::file::Problem>| {
        if !problems.is_empty() {
            loaded.warnings.push((key.to_string(), problems));
        }
    };
    let result = match store {
        stores::RECORDS => envelope::open(text).map(|(r, problems)| {
            loaded.records.push(r);
            warn(loaded, problems);
        }),
        stores::ASSESSMENTS => envelope::open(text).map(|(a, problems)| {
            loaded.assessments.push(a);
            warn(loaded, problems);
        }),
        stores::SETTINGS => envelope::open(text).map(|(s, problems): (Stored<Settings>, _)| {
            loaded.settings = s.data;
            loaded.settings_saved = true;
            warn(loaded, problems);
        }),
        _ => envelope::open(text).map(|(d, _): (Stored<Deletion>, _)| loaded.deletions.push(d.data)),
    };
    match result {
        Ok(()) => true,
        Err(error) => {
            loaded.problems.push(unreadable_problem(what, key, &error));
            false
        }
    }
}

/// How many records are read at a time: a part is read and taken in, then the page has its
/// turn (a keystroke, a redraw) before the next, so 50,000 records never freeze it for long
/// (a part of 1,000 is read and taken in in well under a tenth of a second on a busy two-core laptop).
const RECORDS_AT_A_TIME: u32 = 1_000;

/// Reads every store — the records a part at a time ([`RECORDS_AT_A_TIME`]), the rest in one
/// transaction — then sets aside, in one more, what did not parse.
async fn read_everything(db: &IdbDatabase) -> Result<Loaded, SaveError> {
    if sealed::lock_set() && sealed::key().is_none() {
        return Err(SaveError::Blocked("Redress is locked".into()));
    }
    let kinds = [stores::ASSESSMENTS, stores::SETTINGS, stores::DELETIONS];
    let tx = Tx::read(db, &kinds)?;
    let mut raw = Vec::new();
    for kind in kinds {
        raw.push((kind, tx.store(kind)?.all().await?));
    }
    tx.done().await?;
    let mut loaded = Loaded::default();
    let mut unreadable: Vec<(&str, String, String)> = Vec::new();
    for (kind, values) in raw {
        take_all(&mut loaded, &mut unreadable, kind, values).await;
    }
    let mut after: Option<String> = None;
    loop {
        let tx = Tx::read(db, &[stores::RECORDS])?;
        let part = tx
            .store(stores::RECORDS)?
            .part(after.as_deref(), RECORDS_AT_A_TIME)
            .await?;
        tx.done().await?;
        let more = part.len() == RECORDS_AT_A_TIME as usize;
        after = part.last().map(|(key, _)| key.clone());
        take_all(&mut loaded, &mut unreadable, stores::RECORDS, part).await;
        if !more {
            break;
        }
        crate::timing::next_turn().await;
    }
    if !unreadable.is_empty() {
        let now = js_sys::Date::now();
        // With the lock set, what is set aside is sealed too (a value already sealed stays as it was).
        let texts = unreadable
            .iter()
            .map(|(kind, key, text)| {
                let place = format!("{now:.0}:{kind}/{key}");
                (stores::SET_ASIDE, place, 0, text.clone())
            })
            .filter(|(_, _, _, text)| !redress_core::lock::is_sealed(text))
            .collect::<Vec<_>>();
        let locked = sealed::lock_set();
        let mut kept = sealed::seal_many(texts).await?.into_iter();
        for (_, _, text) in unreadable.iter_mut() {
            if !redress_core::lock::is_sealed(text) {
                *text = kept.next().unwrap_or_default();
            }
        }
        let tx = super::write_tx(
            db,
            &[
                stores::RECORDS,
                stores::ASSESSMENTS,
                stores::SETTINGS,
                stores::DELETIONS,
                stores::SET_ASIDE,
            ],
            locked,
        )
        .await?;
        let aside = tx.store(stores::SET_ASIDE)?;
        for (kind, key, text) in &unreadable {
            aside.put(&format!("{now:.0}:{kind}/{key}"), text)?;
            tx.store(kind)?.delete(key)?;
        }
        if let Err(error) = tx.done().await {
            loaded.problems.push(StoreProblem(format!(
                "The unreadable data could not be set aside ({error}), so it was left where it was."
            )));
        }
    }
    Ok(loaded)
}

/// A stored value as text, as it was put.
fn text_of(value: &wasm_bindgen::JsValue) -> String {
    value
        .as_string()
        .unwrap_or_else(|| String::from(js_sys::JSON::stringify(value).unwrap_or_default()))
}

/// Takes in stored values of one kind, opening sealed ones first (all at once); what cannot be
/// opened or read is noted in `unreadable`, as it was stored, to be set aside.
async fn take_all(
    loaded: &mut Loaded,
    unreadable: &mut Vec<(&'static str, String, String)>,
    kind: &'static str,
    values: Vec<(String, wasm_bindgen::JsValue)>,
) {
    let texts: Vec<(String, String)> = values.into_iter().map(|(key, value)| (key, text_of(&value))).collect();
    if !texts.iter().any(|(_, text)| redress_core::lock::is_sealed(text)) {
        for (key, text) in texts {
            if !take(loaded, kind, &key, &text) {
                unreadable.push((kind, key, text));
            }
        }
        return;
    }
    let opened = sealed::open_many(kind, texts.clone()).await;
    let mut without_key = 0;
    for ((key, raw), (_, result)) in texts.into_iter().zip(opened) {
        let read = match result {
            // Opened but not readable (a newer release's, say): set aside as opened, to be sealed
            // again under its new place, so it can still be opened there.
            Ok(text) => {
                if !take(loaded, kind, &key, &text) {
                    unreadable.push((kind, key, text));
                }
                continue;
            }
            // Sealed, and no key to open it (the lock was not read at start-up): left where it
            // is, untouched, and said once — never set aside as if it were damaged.
            Err(why) if why == sealed::LOCKED => {
                without_key += 1;
                continue;
            }
            Err(why) if why.starts_with(sealed::LEFT) => {
                let what = what(kind).unwrap_or("value");
                loaded.problems.push(StoreProblem(format!(
                    "A stored {what} (“{key}”) could not be read because {why}. It has been left as it is."
                )));
                continue;
            }
            Err(why) => {
                loaded
                    .problems
                    .push(unreadable_problem(what(kind).unwrap_or("value"), &key, &why));
                false
            }
        };
        if !read {
            unreadable.push((kind, key, raw));
        }
    }
    if without_key > 0 {
        loaded.problems.push(StoreProblem(format!(
            "{without_key} stored values are encrypted and Redress has no key to open them. They have been left as they are. Reload the page to unlock Redress."
        )));
    }
}

/// Reads one record again, as another tab saved it. `None` when it is not there (deleted).
pub async fn load_record(id: &str) -> Result<Option<Stored<Record>>, String> {
    load_one(stores::RECORDS, id).await
}

pub async fn load_assessment(id: &str) -> Result<Option<Stored<Assessment>>, String> {
    load_one(stores::ASSESSMENTS, id).await
}

/// Reads one tombstone, as another tab saved it.
pub async fn load_deletion(id: &str) -> Result<Option<Stored<Deletion>>, String> {
    load_one(stores::DELETIONS, id).await
}

pub async fn load_settings() -> Result<Option<Stored<Settings>>, String> {
    load_one(stores::SETTINGS, SETTINGS_KEY).await
}

async fn load_one<T: envelope::Document>(store: &str, key: &str) -> Result<Option<Stored<T>>, String> {
    let db = database().await.map_err(|e| e.to_string())?;
    let tx = Tx::read(&db, &[store]).map_err(|e| e.to_string())?;
    let text = tx
        .store(store)
        .map_err(|e| e.to_string())?
        .get(key)
        .await
        .map_err(|e| e.to_string())?;
    let _ = tx.done().await;
    let Some(text) = text else { return Ok(None) };
    let text = sealed::open(store, key, text).await?;
    envelope::open(&text).map(|(stored, _)| Some(stored))
}

/// Reads everything again (after another tab's import, say).
pub async fn reload() -> Result<Loaded, SaveError> {
    let db = database().await?;
    read_everything(&db).await
}

/// Every value set aside, by its key, for the browser tests and Settings.
pub async fn set_aside() -> Result<Vec<(String, String)>, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &[stores::SET_ASIDE])?;
    let all = tx.store(stores::SET_ASIDE)?.all().await?;
    tx.done().await?;
    let texts: Vec<(String, String)> = all
        .into_iter()
        .map(|(key, value)| (key, value.as_string().unwrap_or_default()))
        .collect();
    // Set aside with the lock set, a value is sealed where it lies; one that could not be opened
    // where it was is shown as it was found.
    let opened = sealed::open_many(stores::SET_ASIDE, texts.clone()).await;
    Ok(texts
        .into_iter()
        .zip(opened)
        .map(|((key, raw), (_, opened))| (key, opened.unwrap_or(raw)))
        .collect())
}

/// Every key and value of a store exactly as kept, for the browser tests of the lock.
#[doc(hidden)]
pub async fn raw_values(store: &str) -> Result<Vec<(String, String)>, SaveError> {
    let db = database().await?;
    let tx = Tx::read(&db, &[store])?;
    let all = tx.store(store)?.all().await?;
    tx.done().await?;
    Ok(all.into_iter().map(|(key, value)| (key, text_of(&value))).collect())
}
