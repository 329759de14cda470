//! The app's addresses: the routes, nested by area as the service navigation groups them (each
//! area's pages one piece of the app, fetched when first opened), and the typed parameters a
//! page reads from its address.

use crate::components::not_found::NotFound;
use crate::components::opening::WhenOpen;
use crate::pages::advocacy::{
    CasesPage, case::CasePage, letter::CaseLetterPage, new::NewCasePage, pack::PackPage, question::QuestionPage,
};
use crate::pages::assessments::{
    AssessmentsPage, compare::ComparePage, delete::DeleteAssessmentPage, details::DetailsPage, new::NewAssessmentPage,
    overview::AssessmentPage, part::PartPage, print::PrintPage,
};
use crate::pages::calculator::CalculatorPage;
use crate::pages::lock::{
    change::{ChangePassphrasePage, RemoveLockPage},
    set::LockPage,
};
use crate::pages::my_work::MyWorkPage;
use crate::pages::records::record::{
    correct::{CorrectPage, WithdrawPage},
    delete::DeletePage,
    escalate::EscalatePage,
    intake::IntakePage,
    letter::LetterPage,
};
use crate::pages::records::{list::RecordsPage, new::NewRecordPage, record::RecordPage};
use crate::pages::reports::{ReportsPage, member::MemberReportPage};
use crate::pages::settings::{SettingsPage, procedures::NewProcedurePage, sync::TeamSyncPage};
use crate::pages::sharing::DataPage;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Routes};
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use leptos_router::path;

// Every page but My work is fetched when it is first opened, with the other pages of its area
// (src/lazy.rs): a first visit downloads the shell and My work only.
crate::lazy::lazy_page!(lazy_records_page, records, RecordsPage);
crate::lazy::lazy_page!(lazy_new_record_page, records, NewRecordPage);
crate::lazy::lazy_page!(lazy_record_page, records, RecordPage);
crate::lazy::lazy_page!(lazy_escalate_page, records, EscalatePage);
crate::lazy::lazy_page!(lazy_delete_page, records, DeletePage);
crate::lazy::lazy_page!(lazy_intake_page, records, IntakePage);
crate::lazy::lazy_page!(lazy_letter_page, records, LetterPage);
crate::lazy::lazy_page!(lazy_correct_page, records, CorrectPage);
crate::lazy::lazy_page!(lazy_withdraw_page, records, WithdrawPage);
crate::lazy::lazy_page!(lazy_assessments_page, assessments, AssessmentsPage);
crate::lazy::lazy_page!(lazy_new_assessment_page, assessments, NewAssessmentPage);
crate::lazy::lazy_page!(lazy_compare_page, assessments, ComparePage);
crate::lazy::lazy_page!(lazy_assessment_page, assessments, AssessmentPage);
crate::lazy::lazy_page!(lazy_part_page, assessments, PartPage);
crate::lazy::lazy_page!(lazy_details_page, assessments, DetailsPage);
crate::lazy::lazy_page!(lazy_print_page, assessments, PrintPage);
crate::lazy::lazy_page!(lazy_delete_assessment_page, assessments, DeleteAssessmentPage);
crate::lazy::lazy_page!(lazy_cases_page, cases, CasesPage);
crate::lazy::lazy_page!(lazy_new_case_page, cases, NewCasePage);
crate::lazy::lazy_page!(lazy_case_page, cases, CasePage);
crate::lazy::lazy_page!(lazy_question_page, cases, QuestionPage);
crate::lazy::lazy_page!(lazy_case_letter_page, cases, CaseLetterPage);
crate::lazy::lazy_page!(lazy_pack_page, cases, PackPage);
crate::lazy::lazy_page!(lazy_calculator_page, calculator, CalculatorPage);
crate::lazy::lazy_page!(lazy_data_page, data, DataPage);
crate::lazy::lazy_page!(lazy_reports_page, reports, ReportsPage);
crate::lazy::lazy_page!(lazy_member_report_page, reports, MemberReportPage);
crate::lazy::lazy_page!(lazy_settings_page, settings, SettingsPage);
crate::lazy::lazy_page!(lazy_new_procedure_page, settings, NewProcedurePage);
crate::lazy::lazy_page!(lazy_lock_page, settings, LockPage);
crate::lazy::lazy_page!(lazy_change_passphrase_page, settings, ChangePassphrasePage);
crate::lazy::lazy_page!(lazy_remove_lock_page, settings, RemoveLockPage);
crate::lazy::lazy_page!(lazy_team_sync_page, settings, TeamSyncPage);

/// Every page at its address; any other address is "Page not found".
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=|| view! { <WhenOpen><MyWorkPage /></WhenOpen> } />
            <ParentRoute path=path!("/records") view=Outlet>
                <Route path=path!("") view=|| crate::lazy::page(lazy_records_page) />
                <Route path=path!("new") view=|| crate::lazy::page(lazy_new_record_page) />
                <Route path=path!(":id") view=|| crate::lazy::page(lazy_record_page) />
                <Route path=path!(":id/escalate") view=|| crate::lazy::page(lazy_escalate_page) />
                <Route path=path!(":id/delete") view=|| crate::lazy::page(lazy_delete_page) />
                <Route path=path!(":id/intake") view=|| crate::lazy::page(lazy_intake_page) />
                <Route path=path!(":id/letters/:kind") view=|| crate::lazy::page(lazy_letter_page) />
                <Route path=path!(":id/correct/:fact") view=|| crate::lazy::page(lazy_correct_page) />
                <Route path=path!(":id/withdraw/:fact") view=|| crate::lazy::page(lazy_withdraw_page) />
            </ParentRoute>
            <ParentRoute path=path!("/assessments") view=Outlet>
                <Route path=path!("") view=|| crate::lazy::page(lazy_assessments_page) />
                <Route path=path!("new") view=|| crate::lazy::page(lazy_new_assessment_page) />
                <Route path=path!("compare") view=|| crate::lazy::page(lazy_compare_page) />
                <Route path=path!(":id") view=|| crate::lazy::page(lazy_assessment_page) />
                <Route path=path!(":id/part/:part") view=|| crate::lazy::page(lazy_part_page) />
                <Route path=path!(":id/details") view=|| crate::lazy::page(lazy_details_page) />
                <Route path=path!(":id/print") view=|| crate::lazy::page(lazy_print_page) />
                <Route path=path!(":id/delete") view=|| crate::lazy::page(lazy_delete_assessment_page) />
            </ParentRoute>
            <ParentRoute path=path!("/cases") view=Outlet>
                <Route path=path!("") view=|| crate::lazy::page(lazy_cases_page) />
                <Route path=path!("new") view=|| crate::lazy::page(lazy_new_case_page) />
                <Route path=path!(":id") view=|| crate::lazy::page(lazy_case_page) />
                <Route path=path!(":id/questions/:n") view=|| crate::lazy::page(lazy_question_page) />
                <Route path=path!(":id/letter/:kind") view=|| crate::lazy::page(lazy_case_letter_page) />
                <Route path=path!(":id/pack") view=|| crate::lazy::page(lazy_pack_page) />
            </ParentRoute>
            <Route path=path!("/calculator") view=|| crate::lazy::page(lazy_calculator_page) />
            <Route path=path!("/data") view=|| crate::lazy::page(lazy_data_page) />
            <ParentRoute path=path!("/reports") view=Outlet>
                <Route path=path!("") view=|| crate::lazy::page(lazy_reports_page) />
                <Route path=path!("member") view=|| crate::lazy::page(lazy_member_report_page) />
            </ParentRoute>
            <ParentRoute path=path!("/settings") view=Outlet>
                <Route path=path!("") view=|| crate::lazy::page(lazy_settings_page) />
                <Route path=path!("procedures/new") view=|| crate::lazy::page(lazy_new_procedure_page) />
                <Route path=path!("lock") view=|| crate::lazy::page(lazy_lock_page) />
                <Route path=path!("lock/change") view=|| crate::lazy::page(lazy_change_passphrase_page) />
                <Route path=path!("lock/remove") view=|| crate::lazy::page(lazy_remove_lock_page) />
                <Route path=path!("sync") view=|| crate::lazy::page(lazy_team_sync_page) />
            </ParentRoute>
        </Routes>
    }
}

/// `/records/:id`, `/assessments/:id`, `/cases/:id` and the pages under them.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct IdParams {
    pub id: Option<String>,
}

/// `/records/:id/letters/:kind` and `/cases/:id/letter/:kind`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct LetterParams {
    pub id: Option<String>,
    pub kind: Option<String>,
}

/// `/records/:id/correct/:fact` and `/records/:id/withdraw/:fact`: a fact's code
/// (`received`, `stage-2-acknowledged`).
#[derive(Params, Debug, Clone, PartialEq)]
pub struct FactParams {
    pub id: Option<String>,
    pub fact: Option<String>,
}

/// `/assessments/:id/part/:part`: a part's number as the framework writes it ("1", "2.3").
#[derive(Params, Debug, Clone, PartialEq)]
pub struct PartParams {
    pub id: Option<String>,
    pub part: Option<String>,
}

/// `/cases/:id/questions/:n`: the question's number, from 1.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct QuestionParams {
    pub id: Option<String>,
    pub n: Option<usize>,
}

/// The page's parameters, as they are now (a page drawn once for its address).
pub fn params_now<T: Params + PartialEq + Clone + Send + Sync + 'static>() -> Option<T> {
    use_params::<T>().get_untracked().ok()
}

/// The id in the page's address, as it is now; empty if there is none (no route allows that).
pub fn id_now() -> String {
    params_now::<IdParams>().and_then(|p| p.id).unwrap_or_default()
}

/// The id in the page's address, following it as it changes (one record page to another).
pub fn id_signal() -> Memo<Option<String>> {
    let params = use_params::<IdParams>();
    Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.id.clone())))
}
