//! The ten rows of the Complaint Handling Code's Appendix A, its suggested self-assessment: each
//! Code section (section 6 twice, stage 1 and stage 2) and the statement to answer, as published.

use super::framework::{Item, Part};

pub(super) const APPENDIX_A: &[Part] = &[Part {
    number: "A",
    title: "Appendix A",
    summary: "Self-assessment against the requirements of the Code",
    vision: None,
    items: &[
        Item::in_group(
            "1",
            "1: Definition of a service request and complaint",
            "We recognise the difference between a service request and a complaint and these are defined in our policies and procedures.",
        ),
        Item::in_group(
            "2",
            "2: Exclusions",
            "Our complaints policy sets out circumstances where we would not consider a complaint. These are reasonable and do not deny individuals access to redress.",
        ),
        Item::in_group(
            "3",
            "3: Accessibility and awareness",
            "We provide different channels through which individuals can make complaints. These are accessible and we are able to make reasonable adjustments where necessary.",
        ),
        Item::in_group(
            "4",
            "4: Complaint handling resources",
            "We have designated, sufficient resource assigned to take responsibility for complaint handling. Complaints are viewed as a core service and resourced accordingly.",
        ),
        Item::in_group(
            "5",
            "5: The complaint handling process",
            "We have a single policy for dealing with complaints covered by the Code and individuals are given the option of raising a complaint where they express dissatisfaction that meets the definition of the complaint in our policy.",
        ),
        Item::in_group(
            "6-1",
            "6: Complaints stages (Stage 1)",
            "We process stage 1 complaints in line with timescales and processes set out in the Code.",
        ),
        Item::in_group(
            "6-2",
            "6: Complaints stages (Stage 2)",
            "We process stage 2 complaints in line with timescales and processes set out in the Code.",
        ),
        Item::in_group(
            "7",
            "7: Putting things right",
            "When something has gone wrong we take action to put things right.",
        ),
        Item::in_group(
            "8",
            "8: Performance reporting and self-assessment",
            "We produce an annual complaints performance and service improvement report for scrutiny and challenge which includes a self-assessment against the Code.",
        ),
        Item::in_group(
            "9",
            "9: Scrutiny & Oversight",
            "We have appropriate senior leadership and governance oversight of the complaints process and performance.",
        ),
    ],
}];
