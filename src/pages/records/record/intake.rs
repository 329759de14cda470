//! Intake and triage: who raised it, how to reach them, what they want, service area and
//! subjects, safeguarding and the risk matrix, and the decision to accept. Saved as a whole;
//! the record page shows what is done and what is left, so a worker can come back to it.

use crate::clock;
use crate::components::date_input::DateInput;
use crate::components::draft::{Text, checkbox};
use crate::components::error_summary::{ErrorSummary, FormErrors, problem_lines};
use crate::components::form::{Choice, Radios, TextArea, TextInput};
use crate::components::tag::{Tag, risk_colour};
use crate::components::title::page_title;
use crate::state::AppState;
use crate::{date_lens, flag, lens};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use redress_core::problem::Problems;
use redress_core::record::RecordKind;
use redress_core::record::intake::*;
use redress_core::record::intake_draft::{IntakeDraft, out_of_time};

fn choices<S: AsRef<str>>(items: &[S]) -> Vec<Choice> {
    items.iter().map(|item| Choice::words(item.as_ref())).collect()
}

/// The 5 × 5 risk matrix with the chosen cell marked.
pub fn risk_matrix(risk: Option<RiskAssessment>) -> impl IntoView {
    // The matrix scrolls inside its own box on a phone, never widening the page.
    view! {
        <div class="app-table-scroll" role="region" aria-label="Risk matrix" tabindex="0">
        <table class="govuk-table app-risk-matrix">
            <caption class="govuk-table__caption govuk-table__caption--s">"Risk: seriousness (down) × likelihood (across)"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <td class="govuk-table__header"></td>
                    {(1..=5).map(|l| view! { <th scope="col" class="govuk-table__header">{format!("Likelihood {l}")}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {(1..=5u8).rev().map(|s| view! {
                    <tr class="govuk-table__row">
                        <th scope="row" class="govuk-table__header">{format!("Seriousness {s}")}</th>
                        {(1..=5u8).map(|l| {
                            let level = RiskLevel::of(s * l);
                            let chosen = risk.is_some_and(|r| r.seriousness == s && r.likelihood == l);
                            view! {
                                <td class=format!("govuk-table__cell app-risk app-risk--{}", risk_colour(level).name()) class:app-risk--chosen=chosen>
                                    {format!("{} {}", s * l, level.name())}
                                    {chosen.then(|| view! { <strong>" (this record)"</strong> })}
                                </td>
                            }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// The subjects offered in Settings, as checkboxes: each adds or removes itself in the draft.
fn subject_boxes(draft: RwSignal<IntakeDraft>, subjects: Vec<String>) -> impl IntoView {
    subjects
        .into_iter()
        .enumerate()
        .map(|(i, subject)| {
            let id = format!("subject-{}", i + 1);
            let (checked, chosen) = (subject.clone(), subject.clone());
            view! {
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id=id.clone() type="checkbox"
                        prop:checked=move || draft.with(|d| d.subjects.contains(&checked))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| { d.subjects.retain(|x| x != &chosen); if on { d.subjects.push(chosen.clone()); } });
                        } />
                    <label class="govuk-label govuk-checkboxes__label" for=id>{subject}</label>
                </div>
            }
        })
        .collect_view()
}

/// The ids and labels of one person's fields: name, address, phone, email, how they want to
/// be contacted, the format of their letters.
struct PersonForm {
    ids: [&'static str; 6],
    labels: [&'static str; 6],
}

const PERSON: PersonForm = PersonForm {
    ids: [
        "person-name",
        "person-address",
        "person-phone",
        "person-email",
        "person-preferred-contact",
        "person-format",
    ],
    labels: [
        "Name of the person it is about",
        "Their postal address (optional)",
        "Their phone number (optional)",
        "Their email address (optional)",
        "How do they want to be contacted?",
        "What format do they need their letters in?",
    ],
};

const REPRESENTATIVE: PersonForm = PersonForm {
    ids: [
        "raised-by-name",
        "raised-by-address",
        "raised-by-phone",
        "raised-by-email",
        "raised-by-preferred-contact",
        "raised-by-format",
    ],
    labels: [
        "The representative’s name",
        "The representative’s postal address (optional)",
        "The representative’s phone number (optional)",
        "The representative’s email address (optional)",
        "How does the representative want to be contacted?",
        "What format does the representative need letters in?",
    ],
};

/// Lenses onto one person in the draft.
struct PersonLenses {
    name: Text,
    address: Text,
    phone: Text,
    email: Text,
    contact: Text,
    format: Text,
}

/// One person's fields (no generics: drawn twice on the page, compiled once).
fn person_fields(form: &'static PersonForm, lenses: PersonLenses, errors: FormErrors) -> impl IntoView {
    let [name, address, phone, email, contact, format] = form.ids;
    let [
        name_label,
        address_label,
        phone_label,
        email_label,
        contact_label,
        format_label,
    ] = form.labels;
    let formats = std::iter::once(Choice::none("Standard print"))
        .chain(redress_core::record::person::FORMATS.iter().map(|f| Choice::words(*f)))
        .collect::<Vec<_>>();
    view! {
        <TextInput id=name label=name_label value=lenses.name error=errors.message(name) autocomplete="name" />
        <TextArea id=address label=address_label value=lenses.address error=errors.message(address) />
        <TextInput id=phone label=phone_label value=lenses.phone error=errors.message(phone) autocomplete="tel" class="govuk-input govuk-input--width-20" />
        <TextInput id=email label=email_label value=lenses.email error=errors.message(email) autocomplete="email" />
        <Radios id=contact legend=contact_label choices=choices(&CONTACT_METHODS) value=lenses.contact error=errors.message(contact) />
        <Radios id=format legend=format_label choices=formats value=lenses.format error=errors.message(format) />
    }
}

/// Why a representative may act: consent, or a reason the person cannot.
fn authority_choices() -> Vec<Choice> {
    std::iter::once(Choice::none("Not recorded yet"))
        .chain(
            redress_core::record::Authority::CODES
                .iter()
                .map(|code| Choice::new(*code, redress_core::record::Authority::name_of(code))),
        )
        .collect()
}

/// A 1-to-5 scale of the risk matrix as choices: "3 – Possible".
fn scale(words: &[&str]) -> Vec<Choice> {
    words
        .iter()
        .enumerate()
        .map(|(i, s)| Choice::new((i + 1).to_string(), format!("{} – {s}", i + 1)))
        .collect()
}

/// The decision to accept a complaint, warned about when it was made after its time limit.
fn decision(draft: RwSignal<IntakeDraft>, errors: FormErrors, late: bool) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m" id="decision">"Decision to accept"</h2>
        {late.then(|| view! {
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">"Warning"</span>
                    "This complaint was made after the time limit for making it (see its deadlines). You may still accept it; record why."</strong>
            </div>
        })}
        <Radios id="decision" legend="Is the complaint accepted?" choices=vec![
            Choice::new("accept", "Accepted"),
            Choice::new("accept-out-of-time", "Accepted out of time").with_hint("After the time limit, with a reason."),
            Choice::new("not-accepted", "Not accepted").with_hint("The record is closed, with the reason."),
        ] value=lens!(draft, decision) error=errors.message("decision") />
        <Radios id="not-accepted-reason" legend="If not accepted, why?" choices={Choice::every::<NotAcceptedReason>()} value=lens!(draft, not_accepted_reason) error=errors.message("not-accepted-reason") />
        <TextArea id="decision-reason" label="Reason for the decision" value=lens!(draft, decision_reason) error=errors.message("decision-reason") />
        <div class="govuk-form-group"><div class="govuk-checkboxes">
            {checkbox("told-of-ombudsman", "The person was told of their right to go to the Ombudsman", flag!(draft, told_of_ombudsman))}
        </div></div>
    }
}

/// Equality monitoring and time spent, folded away: optional.
fn equality(draft: RwSignal<IntakeDraft>, errors: FormErrors) -> impl IntoView {
    view! {
        <details class="govuk-details">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Equality monitoring and time spent (optional)"</span></summary>
            <div class="govuk-details__text">
                <Radios id="age-band" legend="Age" choices=choices(&AGE_BANDS) value=lens!(draft, equality.age_band) error=errors.message("age-band") />
                <Radios id="disability" legend="Disabled?" choices=choices(&YES_NO) value=lens!(draft, equality.disability) error=errors.message("disability") />
                <Radios id="ethnicity" legend="Ethnic group" choices=choices(&ETHNIC_GROUPS) value=lens!(draft, equality.ethnicity) error=errors.message("ethnicity") />
                <Radios id="sex" legend="Sex" choices=choices(&SEXES) value=lens!(draft, equality.sex) error=errors.message("sex") />
                <TextInput id="time-spent" label="Time spent handling it, in minutes" value=lens!(draft, time_spent_minutes) error=errors.message("time-spent") class="govuk-input govuk-input--width-4" />
            </div>
        </details>
    }
}

#[component]
pub fn IntakePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let id = crate::routes::id_now();
    page_title(|| "Intake and triage".into(), || false);
    // Another tab's change arriving after this moment is never overwritten by this form.
    let epoch = state.epoch(&id);
    let Some(record) = state.record(&id) else {
        return view! { <h1 class="govuk-heading-l">"Record not found"</h1> }.into_any();
    };
    let draft = IntakeDraft::from_record(&record);
    let settings = state.settings.get_untracked();
    let late = record.kind == RecordKind::Complaint && out_of_time(&record, &settings.rules(clock::today()));
    // The whole form is one draft, each field a lens onto it; the core checks it as a whole.
    let draft = RwSignal::new(draft);
    let problems = RwSignal::new(Problems::new());
    let attempt = RwSignal::new(0u32);

    let errors = FormErrors(problems);
    let problem = move |field: &'static str| errors.message(field);
    let date_problem = move |field: &'static str| errors.date(field);
    let lines = Signal::derive(move || problems.with(|all| problem_lines(all)));
    let record_id = record.id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = draft.get_untracked();
        let Some(current) = state.record(&record_id) else {
            return;
        };
        let rules = state.settings.with_untracked(|s| s.rules(clock::today()));
        match draft.apply(&current, &rules, &state.change()) {
            Ok(changed) => {
                // On a clash with another tab the record page shows both versions to choose from.
                let _ = state.update_record_since(epoch, changed);
                navigate(&format!("/records/{record_id}#intake"), Default::default());
            }
            Err(found) => {
                problems.set(found);
                attempt.update(|n| *n += 1);
            }
        }
    };
    let existing_adjustments = record.intake.adjustments.clone();
    let risk_now = move || match draft.with(|d| (d.seriousness.parse::<u8>(), d.likelihood.parse::<u8>())) {
        (Ok(s), Ok(l)) => RiskAssessment::new(s, l),
        _ => None,
    };
    view! {
        <a href=format!("/records/{}", record.id) class="govuk-back-link">"Back to the record"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary lines attempt />
                <span class="govuk-caption-l">{record.reference.clone()}</span>
                <h1 class="govuk-heading-l">"Intake and triage"</h1>
                <p class="govuk-body">"Answer what you can now and save; you can come back to the rest."</p>
                <form novalidate on:submit=on_submit>
                    <h2 class="govuk-heading-m" id="who">"Who raised it"</h2>
                    <Radios id="complainant-type" legend="Who raised it?" choices={Choice::every::<ComplainantType>()} value=lens!(draft, complainant_type) error=problem("complainant-type") />
                    <h3 class="govuk-heading-s">"The representative"</h3>
                    <p class="govuk-body">"If someone else raised it for the person — a relative, an advocate, an MP — their details. Letters then go to them."</p>
                    {person_fields(&REPRESENTATIVE, PersonLenses {
                        name: lens!(draft, raised_by.name), address: lens!(draft, raised_by.address), phone: lens!(draft, raised_by.phone),
                        email: lens!(draft, raised_by.email), contact: lens!(draft, raised_by.preferred_contact), format: lens!(draft, raised_by.format),
                    }, errors)}
                    <Radios id="authority" legend="Why can the representative act for them?" hint="Code 1.5: with the person’s consent, or with the authority to act for them." choices=authority_choices() value=lens!(draft, authority) error=problem("authority") />
                    <DateInput id="authority-date" legend="Date the person gave their consent" hint="Needed with consent. For example, 3 1 2026" fields=date_lens!(draft, authority_date) error=date_problem("authority-date") />
                    <div class="govuk-form-group"><div class="govuk-checkboxes">
                        {checkbox("copy-to-person", "The person asked for a copy of the letters", flag!(draft, copy_to_person))}
                    </div></div>
                    <h2 class="govuk-heading-m" id="contact">"How to reach them"</h2>
                    <h3 class="govuk-heading-s">"The person it is about"</h3>
                    {person_fields(&PERSON, PersonLenses {
                        name: lens!(draft, person.name), address: lens!(draft, person.address), phone: lens!(draft, person.phone),
                        email: lens!(draft, person.email), contact: lens!(draft, person.preferred_contact), format: lens!(draft, person.format),
                    }, errors)}
                    {existing_adjustments.into_iter().map(|a| view! {
                        <p class="govuk-body">{format!("Adjustment agreed {}: {}{}", redress_core::format::short_date(a.agreed), a.what, a.review.map(|r| format!(" (review {})", redress_core::format::short_date(r))).unwrap_or_default())}</p>
                    }).collect_view()}
                    <TextInput id="adjustment" label="A reasonable adjustment or accessible format agreed (optional)" hint="For example, large print letters." value=lens!(draft, adjustment) />
                    <DateInput id="adjustment-agreed" legend="Date it was agreed" hint="Needed with an adjustment." fields=date_lens!(draft, adjustment_agreed) error=date_problem("adjustment-agreed") />
                    <DateInput id="adjustment-review" legend="Date to review it (optional)" hint="For example, 1 6 2026" fields=date_lens!(draft, adjustment_review) error=date_problem("adjustment-review") />
                    <div class="govuk-form-group"><div class="govuk-checkboxes">
                        {checkbox("advocacy-offered", "Advocacy was offered", flag!(draft, advocacy_offered))}
                        {checkbox("advocacy-taken-up", "Advocacy was taken up", flag!(draft, advocacy_taken_up))}
                    </div></div>
                    <TextInput id="advocate" label="Advocate or advocacy service (optional)" value=lens!(draft, advocate) />
                    <h2 class="govuk-heading-m" id="want">"What they want"</h2>
                    <TextArea id="desired-outcome" label="What they want to happen, as agreed with them" value=lens!(draft, desired_outcome) error=problem("desired-outcome") />
                    <h2 class="govuk-heading-m" id="subjects">"Service area and subjects"</h2>
                    <Radios id="service-area" legend="Service area" choices=choices(&settings.service_areas) value=lens!(draft, service_area) error=problem("service-area") />
                    <div class="govuk-form-group">
                        <fieldset class="govuk-fieldset">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Subjects"</legend>
                            <div class="govuk-checkboxes govuk-checkboxes--small">{subject_boxes(draft, settings.subjects.clone())}</div>
                        </fieldset>
                    </div>
                    <h2 class="govuk-heading-m" id="risk">"Safeguarding and risk"</h2>
                    <Radios id="safeguarding" legend="Safeguarding referral (the complaint goes on alongside it)" choices=std::iter::once(Choice::none("No referral")).chain(choices(&SAFEGUARDING_REFERRALS)).collect() value=lens!(draft, safeguarding_referred_to) error=problem("safeguarding") />
                    <DateInput id="safeguarding-date" legend="Date of the referral" hint="Needed with a referral." fields=date_lens!(draft, safeguarding_date) error=date_problem("safeguarding-date") />
                    <Radios id="seriousness" legend="Seriousness" choices=scale(&SERIOUSNESS) value=lens!(draft, seriousness) error=problem("seriousness") />
                    <Radios id="likelihood" legend="Likelihood of it happening again" choices=scale(&LIKELIHOOD) value=lens!(draft, likelihood) error=problem("likelihood") />
                    {move || risk_now().map(|r| view! {
                        <p class="govuk-body">"Risk: " <Tag colour=risk_colour(r.level()) text=format!("{} ({})", r.level().name(), r.score()) /></p>
                    })}
                    {(record.kind == RecordKind::Complaint).then(|| decision(draft, errors, late))}
                    {equality(draft, errors)}
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save intake and triage"</button>
                </form>
            </div>
        </div>
    }
    .into_any()
}
