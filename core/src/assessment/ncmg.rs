//! The National Complaints Managers' Group good practice principles (May 2016): five principles,
//! each with its "underpinning user-led vision", and their 41 areas, worded exactly as published.

use super::framework::{Item, Part};

pub(super) const PRINCIPLES: &[Part] = &[
    Part {
        number: "1",
        title: "Principle one",
        summary: "ensure that the complaints process is accessible",
        vision: Some("Considering a complaint- complainants felt confident to speak up"),
        items: &[
            Item::new(
                "1.1",
                "Complaints literature is visible and accessible to all service users.",
            ),
            Item::new(
                "1.2",
                "Equality and diversity is recognised, promoted and facilitated throughout the complaints process.",
            ),
            Item::new(
                "1.3",
                "The complaints handling and support services are highly visible and impartial.",
            ),
            Item::new(
                "1.4",
                "Information on how to complain is published on the council's website and available through other mediums.",
            ),
            Item::new(
                "1.5",
                "Information about the complaints procedure is provided to all service users and carers at commencement of service and annual reviews.",
            ),
            Item::new(
                "1.6",
                "The complaints process delivers assurance to service users that making a complaint will not affect their service.",
            ),
            Item::new(
                "1.7",
                "The service user is able to authorise others to complain on their behalf.",
            ),
            Item::new(
                "1.8",
                "Information on the outcomes and service improvements from complaints are publicly available, thereby reinforcing the positive value of the complaints processes.",
            ),
            Item::new(
                "1.9",
                "Service users are made aware that the organisation is open to customer feedback and complaints.",
            ),
            Item::new("1.10", "Staff are trained and made aware of the complaints processes."),
            Item::new(
                "1.11",
                "There is senior ownership and accountability of the complaints processes.",
            ),
            Item::new(
                "1.12",
                "All providers of commissioned services are made aware of the statutory complaint regulations and their duty to comply with them.",
            ),
        ],
    },
    Part {
        number: "2",
        title: "Principle two",
        summary: "ensure that the complaints process is straightforward for service users and their representatives",
        vision: Some("Making a complaint- simple process for service users"),
        items: &[
            Item::new(
                "2.1",
                "Appropriate advocacy or support services are available at the point of access for those wishing to complain.",
            ),
            Item::new(
                "2.2",
                "Staff are informed of and actively promote the availability of advocacy services to service users.",
            ),
            Item::new(
                "2.3",
                "Service users and those acting on their behalf are able to complain through the various channels using the method of their choosing.",
            ),
            Item::new(
                "2.4",
                "All staff within the organisation are empowered and encouraged to accept a complaint and deal with it appropriately.",
            ),
            Item::new(
                "2.5",
                "Complainants are treated with respect and concerns are taken seriously when raised.",
            ),
            Item::new(
                "2.6",
                "Protocols are in place between the local authority social care services, local health services and other key partners for responding to complaints which involve more than one organisation.",
            ),
            Item::new(
                "2.7",
                "There are clear systems in place for referring child protection or safeguarding adult issues to the appropriate services. When a complaint includes such issues this is recognised and acted upon and, where appropriate, the complaints process contributes to the response to those concerns.",
            ),
            Item::new(
                "2.8",
                "There are clear protocols and a joined up approach with the Local Safeguarding Children’s Board (LSCB) for the management of complaints that fall within the remit of LSCB complaints procedure.",
            ),
            Item::new(
                "2.9",
                "There are clear channels and processes for the referral of allegations and safeguarding alerts to the Local Authority Designated Officer (LADO) and Multi Agency Safeguarding Hub (MASH).",
            ),
            Item::new(
                "2.10",
                "At the time of commissioning social care services, the local authority ensures that the contract between it and the provider clarifies how complaints about those services should be handled.",
            ),
        ],
    },
    Part {
        number: "3",
        title: "Principle three",
        summary: "ensure that appropriate systems are in place to keep service users informed throughout the complaints process",
        vision: Some("Staying informed- complainants felt listened to and understood"),
        items: &[
            Item::new(
                "3.1",
                "Complaints are acknowledged in keeping with statutory timescales.",
            ),
            Item::new(
                "3.2",
                "The nature of the complaint and the desired outcomes are discussed and agreed with the complainant at the outset.",
            ),
            Item::new(
                "3.3",
                "Complainants are informed of who will be investigating and responding to their complaints.",
            ),
            Item::new(
                "3.4",
                "Complainants are given the choice regarding how they wish to be contacted.",
            ),
            Item::new(
                "3.5",
                "Complainants are advised of the timescales for responding to their complaints and kept informed of any delays or changes.",
            ),
            Item::new("3.6", "Appropriate consideration is given to anonymous complaints."),
            Item::new(
                "3.7",
                "All complaints will be treated confidentially and only shared on a 'need to know' basis.",
            ),
        ],
    },
    Part {
        number: "4",
        title: "Principle four",
        summary: "ensure that the complaints process is resolution focused",
        vision: Some("Receiving outcomes - effective and appropriate communication"),
        items: &[
            Item::new(
                "4.1",
                "The complaints handling process is flexible and offers complainants options for resolving their complaint, depending on the seriousness and nature of the concerns (i.e. mediation, face-to-face meeting, letter, investigation), whilst being mindful of statutory requirements.",
            ),
            Item::new(
                "4.2",
                "The complaint response is customer friendly, clear, easy to understand and responds to all the concerns raised.",
            ),
            Item::new(
                "4.3",
                "Any resolution should consider the complainant’s desired outcome.",
            ),
            Item::new(
                "4.4",
                "Learning points and actions specific to the complaint are included within the response, together with timescales for completion and the staff member responsible.",
            ),
            Item::new(
                "4.5",
                "The complainants should be updated on actions taken as a result of their complaint, subject to confidentiality.",
            ),
            Item::new(
                "4.6",
                "Any remedy should be proportionate, follow a consistent approach and take account of individual circumstances of the complaint.",
            ),
        ],
    },
    Part {
        number: "5",
        title: "Principle five",
        summary: "ensure that quality assurance processes are in place to enable organisational learning and service improvement from complaints and customer feedback",
        vision: Some("Reflecting on the experience - the complaint has made a difference"),
        items: &[
            Item::new(
                "5.1",
                "Systems are in place to record and capture themes, trends and outcomes from complaints to enable organisational learning.",
            ),
            Item::new(
                "5.2",
                "An annual report is published in keeping with statutory regulations.",
            ),
            Item::new(
                "5.3",
                "Customer feedback is actively encouraged on the experience of making a complaint in order to inform learning and improvement of the complaints process.",
            ),
            Item::new(
                "5.4",
                "Systems are in place to follow up on the recommendations and actions from complaints to ensure that they are implemented and the complainant is informed.",
            ),
            Item::new(
                "5.5",
                "Evidence of learning outcomes, service changes and improvements are captured in order to inform organisational learning and service development.",
            ),
            Item::new(
                "5.6",
                "Robust arrangements are in place for monitoring and learning from complaints made concerning commissioned services",
            ),
        ],
    },
];
