//! The Local Government and Social Care Ombudsman's Complaint Handling Code (February 2024):
//! every numbered provision, by section, for the detailed self-assessment. Worded as published
//! (bold type dropped, lists kept one item to a line). Appendix A's rows are in `appendix_a`.

use super::framework::{Item, Part};

pub(super) const SECTIONS: &[Part] = &[
    Part {
        number: "1",
        title: "Section 1",
        summary: "Definition of a service request and complaint",
        vision: None,
        items: &[
            Item::new(
                "1.1",
                "Effective complaint handling enables individuals to be heard and understood. The starting point for this is a shared understanding of what constitutes a service request and what constitutes a complaint. In most cases organisations should be able to put things right through normal service delivery processes.",
            ),
            Item::new(
                "1.2",
                "A service request may be defined as:\n'a request that the organisation provides or improves a service, fixes a problem or reconsiders a decision.'",
            ),
            Item::new(
                "1.3",
                "This provides organisations with opportunities to resolve matters to an individual's satisfaction before they become a complaint.",
            ),
            Item::new(
                "1.4",
                "A complaint may be defined as:\n'an expression of dissatisfaction, however made, about the standard of service, actions or lack of action by the organisation, its own staff, or those acting on its behalf, affecting an individual or group of individuals.'",
            ),
            Item::new(
                "1.5",
                "An individual should not have to use the word 'complaint' for it to be treated as such. A complaint that is submitted via a third party or representative should still be handled in line with the organisation's complaints policy.",
            ),
            Item::new(
                "1.6",
                "Organisations should recognise the difference between a service request and a complaint. This should be set out in their complaints policy.",
            ),
            Item::new(
                "1.7",
                "Service requests are not complaints but may contain expressions of dissatisfaction. Organisations should have the opportunity to deal with a service request before a complaint is made. A complaint may be raised when the individual expresses dissatisfaction with the response to their service request, even if the handling of the service request remains ongoing. An organisation should not stop its efforts to address the service request if the individual complains.",
            ),
            Item::new(
                "1.8",
                "Service requests should be recorded, monitored and reviewed regularly.",
            ),
        ],
    },
    Part {
        number: "2",
        title: "Section 2",
        summary: "Exclusions",
        vision: None,
        items: &[
            Item::new(
                "2.1",
                "An organisation should accept a complaint unless there is a valid reason not to do so. If the organisation decides not to accept a complaint, it should be able to evidence its reasoning. Each complaint should be considered on its own merits.",
            ),
            Item::new(
                "2.2",
                "Organisations should accept complaints referred to them within 12 months of the issue occurring, or the individual becoming aware of the issue. Organisations should consider whether to apply discretion to accept complaints made outside this time limit where there are good reasons to do so.",
            ),
            Item::new(
                "2.3",
                "A complaints policy should set out the circumstances in which a matter might not be considered or escalated. Organisations should ensure that these are reasonable, and should not deny individuals access to redress.",
            ),
            Item::new(
                "2.4",
                "If an organisation decides not to accept a complaint, an explanation should be provided to the individual setting out the reasons why the matter is not suitable for the complaints process and the right to take that decision to the Ombudsman.",
            ),
            Item::new(
                "2.5",
                "Organisations should not take a blanket approach to excluding complaints; they should consider the individual circumstances of each complaint.",
            ),
        ],
    },
    Part {
        number: "3",
        title: "Section 3",
        summary: "Accessibility and awareness",
        vision: None,
        items: &[
            Item::new(
                "3.1",
                "Organisations should make it easy for individuals to complain by providing different channels through which they can make a complaint. Organisations must consider their duties under the Equality Act 2010 and anticipate the needs and reasonable adjustments of individuals who may need to access the complaints process.",
            ),
            Item::new(
                "3.2",
                "Individuals should be able to raise their complaints in any way and with any member of staff. All staff should be aware of the complaints process and be able to pass details of the complaint to the appropriate person within the organisation.",
            ),
            Item::new(
                "3.3",
                "High volumes of complaints should not be seen as a negative, as they can be indicative of a well-publicised and accessible complaints process. Low complaint volumes are potentially a sign that individuals are unable to complain.",
            ),
            Item::new(
                "3.4",
                "Organisations should make their complaint policy available in a clear and accessible format for all individuals. This should detail the process, what will happen at each stage, and the timeframes for responding. The policy should also be published on the organisation's website.",
            ),
            Item::new(
                "3.5",
                "The policy should explain how the organisation will publicise details of the complaints policy, including information about the Ombudsman and this Code.",
            ),
            Item::new(
                "3.6",
                "Organisations should give individuals the opportunity to have a suitable representative deal with their complaint on their behalf, and to be represented or accompanied at any meeting with the organisation.",
            ),
            Item::new(
                "3.7",
                "Organisations should provide individuals with information on their right to access the Ombudsman service and how the individual can engage with the Ombudsman about their complaint.",
            ),
            Item::new(
                "3.8",
                "Where an organisation asks for feedback about its services through a survey, it should provide details of how individuals can complain so they can pursue any dissatisfaction if they so wish.",
            ),
        ],
    },
    Part {
        number: "4",
        title: "Section 4",
        summary: "Complaint handling resources",
        vision: None,
        items: &[
            Item::new(
                "4.1",
                "Organisations should have designated, sufficient resource assigned to take responsibility for complaint handling, including liaison with the relevant Ombudsman and ensuring complaints are reported to the governing body (or equivalent).",
            ),
            Item::new(
                "4.2",
                "Anyone responding to a complaint should have access to staff at all levels to facilitate the prompt resolution of complaints. They should also have the authority and autonomy to act to resolve disputes promptly and fairly.",
            ),
            Item::new(
                "4.3",
                "Organisations are expected to prioritise complaint handling and a culture of learning from complaints. All relevant staff should be suitably trained in the importance of complaint handling. It is important that complaints are seen as a core service and resourced accordingly",
            ),
        ],
    },
    Part {
        number: "5",
        title: "Section 5",
        summary: "The complaint handling process",
        vision: None,
        items: &[
            Item::new(
                "5.1",
                "Organisations should have a single policy for dealing with complaints covered by the Code.",
            ),
            Item::new(
                "5.2",
                "The early and local resolution of issues between organisations and individuals is key to effective complaint handling. Organisations should not have extra named stages (such as 'stage 0' or 'informal complaint') as this causes unnecessary confusion.",
            ),
            Item::new(
                "5.3",
                "When an individual expresses dissatisfaction that could meet the criteria for a complaint as set out in section 1 of the Code, they should be given the opportunity to make a complaint. Organisations should recognise that individuals may be reluctant to raise complaints out of fear it may impact services they receive in future.",
            ),
            Item::new(
                "5.4",
                "The person responding to the complaint should:\n• clarify with the individual any aspects of the complaint they are unclear about;\n• deal with complaints on their merits, act independently, and have an open mind;\n• give the individual a fair chance to set out their position;\n• take measures to address any actual or perceived conflict of interest; and\n• consider all relevant information and evidence carefully.",
            ),
            Item::new(
                "5.5",
                "Where a response to a complaint will fall outside the timescales set out in this Code the organisation should inform the individual of when the response will be provided and the reason(s) for the delay.",
            ),
            Item::new(
                "5.6",
                "Organisations must make reasonable adjustments for individuals where appropriate under the Equality Act 2010.\n\nOrganisations should keep a record of any reasonable adjustments agreed. Any agreed reasonable adjustments should be kept under active review.",
            ),
            Item::new(
                "5.7",
                "Organisations should not refuse to escalate a complaint through all stages of the complaints procedure unless there are valid reasons to do so. Organisations should clearly set out these reasons, and they should align with the approach to exclusions set out in section 2 of the Code.",
            ),
            Item::new(
                "5.8",
                "A full record should be kept of the complaint, and the outcomes at each stage. This should include the original complaint and the date received, all correspondence with the individual, correspondence with other parties, and any relevant supporting documentation such as reports. This should be retained in line with the organisation's data retention policies.",
            ),
            Item::new(
                "5.9",
                "Organisations should have systems in place to ensure that a complaint can be remedied at any stage of its complaints process. Organisations should ensure that appropriate remedies can be provided at any stage of the complaints process without the need for escalation to stage 2 or the Ombudsman.",
            ),
            Item::new(
                "5.10",
                "Organisations should have policies and procedures in place for managing unacceptable behaviour from individuals and/or their representatives. Organisations should be able to evidence reasons for putting any restrictions in place and should keep an individual's restrictions under regular review.",
            ),
            Item::new(
                "5.11",
                "Any restrictions placed on an individual's contact due to unacceptable behaviour should be proportionate and demonstrate regard for the provisions of the Equality Act 2010.",
            ),
        ],
    },
    Part {
        number: "6",
        title: "Section 6",
        summary: "Complaints stages",
        vision: None,
        items: &[
            Item::in_group(
                "6.1",
                "Stage 1",
                "Organisations should have processes in place to consider which complaints can be responded to as early as possible, and which require further consideration. Organisations should consider factors such as the complexity of the complaint and whether the individual is vulnerable or at risk. Most stage 1 complaints can be resolved promptly, and an explanation, apology or resolution provided to the individual.",
            ),
            Item::in_group(
                "6.2",
                "Stage 1",
                "Complaints should be acknowledged, and logged at stage 1 of the complaints procedure within five working days of the complaint being received.",
            ),
            Item::in_group(
                "6.3",
                "Stage 1",
                "Organisations should provide a full response to stage 1 complaints within 10 working days of the complaint being acknowledged.",
            ),
            Item::in_group(
                "6.4",
                "Stage 1",
                "Organisations should decide whether an extension to this timescale is needed when considering the complexity of the complaint and then inform individuals of the expected timescale for response. Any extension should be no more than 10 working days without good reason, and the reason(s) should be clearly explained to the individual.",
            ),
            Item::in_group(
                "6.5",
                "Stage 1",
                "When an organisation informs an individual about an extension to these timescales, they should be provided with the details of the relevant Ombudsman.",
            ),
            Item::in_group(
                "6.6",
                "Stage 1",
                "A complaint response should be provided to the individual when the answer to the complaint is known, not when the outstanding actions required to address the issue are completed. Outstanding actions should still be tracked and actioned promptly, with appropriate updates provided to the individual.",
            ),
            Item::in_group(
                "6.7",
                "Stage 1",
                "Organisations should address all points raised in the complaint and provide clear reasons for any decisions, referencing the relevant policy, law and good practice where appropriate. Organisations should be clear which aspects of the complaint they are, and are not, responsible for and clarify any areas where this is not clear.",
            ),
            Item::in_group(
                "6.8",
                "Stage 1",
                "At the conclusion of stage 1 organisations should provide details of how to escalate the matter to stage 2 if the individual is not satisfied with the response.",
            ),
            Item::in_group(
                "6.9",
                "Stage 1",
                "Where individuals raise additional complaints during stage 1, these should be incorporated into the stage 1 response if they are related, and the stage 1 response has not been provided. Where the stage 1 response has been provided, the new issues are unrelated to the issues already being considered, or it would unreasonably delay the response, the new issues should be logged as a new complaint.",
            ),
            Item::in_group(
                "6.10",
                "Stage 1",
                "Organisations should have systems in place to ensure that a complaint can be remedied at any stage of its complaints process. Individuals should not have to escalate a complaint in order to get an appropriate remedy.",
            ),
            Item::in_group(
                "6.11",
                "Stage 2",
                "If all or part of the complaint is not resolved to the individual's satisfaction at stage 1, it should be progressed to stage 2 of the organisation's procedure. Stage 2 is the organisation's final response..",
            ),
            Item::in_group(
                "6.12",
                "Stage 2",
                "Requests for stage 2 should be acknowledged and logged at stage 2 of the complaints procedure within five working days of the escalation request being received. Within the acknowledgement, organisations should set out their understanding of any outstanding issues and the outcomes the individual is seeking. If any aspect of the complaint is unclear, the individual should be asked for clarification.",
            ),
            Item::in_group(
                "6.13",
                "Stage 2",
                "Individuals should not be required to explain their reasons for requesting a stage 2 consideration. Organisations should make reasonable efforts to understand why an individual remains unhappy as part of its stage 2 response.",
            ),
            Item::in_group(
                "6.14",
                "Stage 2",
                "The person considering the complaint at stage 2 should not be the same person that considered the complaint at stage 1.",
            ),
            Item::in_group(
                "6.15",
                "Stage 2",
                "Organisations should issue a final response to the stage 2 within 20 working days of the complaint being acknowledged.",
            ),
            Item::in_group(
                "6.16",
                "Stage 2",
                "Organisations should decide whether an extension to this timescale is needed when considering the complexity of the complaint and then inform individuals of the expected timescale for response. Any extension should be no more than 20 working days without good reason, and the reason(s) should be clearly explained to the individual.",
            ),
            Item::in_group(
                "6.17",
                "Stage 2",
                "When an organisation informs an individual about an extension to these timescales they should be provided with the details of the relevant Ombudsman.",
            ),
            Item::in_group(
                "6.18",
                "Stage 2",
                "Organisations should confirm the following in writing to the individual at the completion of stage 2 in clear, plain language:\na. the complaint stage;\nb. the organisation's understanding of the complaint;\nc. the decision on the complaint;\nd. the reasons for any decisions made;\ne. the details of any remedy offered to put things right;\nf. details of any outstanding actions; and\ng. details of how to escalate the matter to the Ombudsman if the individual remains dissatisfied.",
            ),
            Item::in_group(
                "6.19",
                "Stage 2",
                "Stage 2 should be the organisation's final response and should involve all suitable staff members needed to issue such a response.",
            ),
            Item::in_group(
                "6.20",
                "Stage 2",
                "A process with more than two stages will make the complaint process unduly long and delay access to the relevant Ombudsman. A process with a single stage means the organisation may lack the ability to check its response before an individual comes to the Ombudsman.",
            ),
            Item::in_group(
                "6.21",
                "Stage 2",
                "Where an organisation's complaint response is handled by a third party (e.g. a contractor) or independent adjudicator at any stage, it should form part of the two stage complaints process set out in this Code. Individuals should not be expected to go through two complaints processes.",
            ),
            Item::in_group(
                "6.22",
                "Stage 2",
                "Organisations are responsible for ensuring that any third parties handle complaints in line with the Code.",
            ),
        ],
    },
    Part {
        number: "7",
        title: "Section 7",
        summary: "Putting things right",
        vision: None,
        items: &[
            Item::new(
                "7.1",
                "Where something has gone wrong an organisation should acknowledge this and set out the actions it has already taken, or intends to take, to put things right. These can include:\n• Apologising;\n• Acknowledging where things have gone wrong;\n• Providing an explanation, assistance or reasons;\n• Taking action if there has been delay;\n• Reconsidering or changing a decision;\n• Amending a record or adding a correction or addendum;\n• Providing a financial remedy;\n• Changing policies, procedures or practices.",
            ),
            Item::new(
                "7.2",
                "Any remedy offered should reflect the impact on the individual as a result of any fault identified.",
            ),
            Item::new(
                "7.3",
                "The remedy offer should clearly set out what will happen and by when, in agreement with the individual where appropriate. Any remedy proposed should be followed through to completion.",
            ),
            Item::new(
                "7.4",
                "If a proposed remedy cannot be delivered, the individual should be informed of the reasons for this, provided with details of any alternative remedy and reminded of their right to complain to the Ombudsman,",
            ),
            Item::new(
                "7.5",
                "Organisations should take account of the good practice guides issued by the Ombudsman when deciding on appropriate remedies.",
            ),
        ],
    },
    Part {
        number: "8",
        title: "Section 8",
        summary: "Performance reporting and self-assessment",
        vision: None,
        items: &[
            Item::new(
                "8.1",
                "Organisations should produce an annual complaints performance and service improvement report for scrutiny and challenge, which should include:\na. an annual self-assessment against this Code to ensure its complaint handling policy remains in line with its requirements.\nb. a qualitative and quantitative analysis of the organisation's complaint handling performance. This should also include a summary of the types of complaints the organisation has refused to accept;\nc. any findings of non-compliance with this Code;\nd. the service improvements made as a result of the learning from complaints;\ne. the annual letter about the organisation's performance from the Ombudsman; and\nf. any other relevant reports or publications produced by the Ombudsman in relation to the work of the organisation.",
            ),
            Item::new(
                "8.2",
                "The annual complaints performance and service improvement report should be reported through the organisation's governance arrangements and published on the section of its website relating to complaints. The response to the report from the relevant governance arrangement should be published alongside this.",
            ),
            Item::new(
                "8.3",
                "Organisations should also carry out a self-assessment following a significant restructure, merger and/or change in procedures.",
            ),
        ],
    },
    Part {
        number: "9",
        title: "Section 9",
        summary: "Scrutiny & oversight: continuous learning and improvement",
        vision: None,
        items: &[
            Item::new(
                "9.1",
                "Organisations should look beyond the circumstances of the individual complaint and consider whether service improvements can be made as a result of any learning from the complaint.",
            ),
            Item::new(
                "9.2",
                "A positive complaint handling culture is important to the effectiveness with which organisations resolve disputes. Organisations should use complaints as a source of intelligence to identify issues and introduce positive changes in service delivery.",
            ),
            Item::new(
                "9.3",
                "Accountability and transparency are also integral to a positive organisational culture. Organisations should report back on wider learning and improvements from complaints to stakeholders, such as citizens' panels, staff and relevant committees.",
            ),
            Item::new(
                "9.4",
                "The organisation should appoint a suitably senior person to oversee its complaint handling performance. This person should assess any themes or trends to identify potential systemic issues, serious risks, or policies and procedures that require revision.",
            ),
            Item::new(
                "9.5",
                "In addition to this, organisations should assign lead responsibility for complaints in governance arrangements to support a positive complaint handling culture. We refer to this as the 'Member Responsible for Complaints' (the Member). This role could be carried out by an individual or committee depending on the governance arrangements in place.",
            ),
            Item::new(
                "9.6",
                "The Member should receive regular information on complaints that provides insight on the organisation's complaint handling performance. The Member should have access to suitable information and staff to perform this role and report on their findings.",
            ),
            Item::new(
                "9.7",
                "As a minimum, the Member should receive:\na. regular updates on the volume, categories, and outcomes of complaints, alongside complaint handling performance\nb. regular reviews of issues and trends arising from complaint handling; and\nc. the annual complaints performance and service improvement report.",
            ),
            Item::new(
                "9.8",
                "Organisations should have a standard objective in relation to complaint handling for all relevant employees or third parties that reflects the need to:\n• have a collaborative and co-operative approach towards resolving complaints, working with colleagues across teams and departments;\n• take collective responsibility for any shortfalls identified through complaints, rather than blaming others; and\n• act within the professional standards for engaging with complaints as set by any relevant professional body.",
            ),
        ],
    },
];
