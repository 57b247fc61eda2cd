/* paraat-demo-actions.c — the demo's year of follow-up: actions and two management reviews
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-catalog.h"
#include "paraat-clock.h"
#include "paraat-demo-private.h"
#include "paraat-evidence.h"
#include "paraat-requirement.h"
#include "paraat-review.h"
#include "paraat-scan.h"

/* The story is replayed in order, each step at its own moment in the past year (on this
 * thread's clock), so dates, metrics and the audit trail agree. Days count back from
 * today; due dates count forward (negative: in the past). */

#define DAY_MS  G_GINT64_CONSTANT (86400000)
#define HOUR_MS G_GINT64_CONSTANT (3600000)

enum { ISMS_OWNER, DIRECTOR, CTO, DEVOPS, HR, SUCCESS, PRIVACY, FINANCE };

static const char * const staff[] = {
  "Marloes Jansen", "Pieter van Dijk", "Fatima El Amrani", "Joost Bakker", "Sanne de Vries",
  "Daan Visser", "Eva Smit", "Ruben Mulder",
};

typedef struct
{
  const char         *title;        /* NULL: made from the scan gap */
  const char         *decision;
  ParaatActionSource  source;
  int                 owner;
  ParaatPriority      priority;
  guint               track;
  const char         *required;
  const char         *project;
  const char         *links[4];     /* "framework:key" */
  int                 gap;          /* 1–8: a top gap of the baseline scan; 101–103: of the
                                     * gap analysis */
  int                 review;       /* 1 or 2: from that review's decision number ITEM */
  int                 item;
  int                 created;      /* days ago */
  int                 due;          /* days from today */
  int                 started;      /* days ago; 0: not reached */
  int                 submitted;
  int                 rejected;     /* sent back, then submitted again the day before closing */
  const char         *rejection;
  int                 closed;
  int                 cancelled;
  const char         *text;         /* verification note or reason for cancelling */
  const char         *evidence;     /* the demo evidence item linked before submitting */
  int                 moved;        /* the due date moved that day to MOVED_TO */
  int                 moved_to;
  const char         *move_reason;
} DemoAction;

static const DemoAction demo_actions[] = {
  /* Closed, with proof */
  { .title = "Enforce multi-factor authentication on the hosting console",
    .decision = "Phished passwords are the most likely way into production; a second factor "
                "stops that.",
    .source = PARAAT_SOURCE_RISK, .owner = DEVOPS, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_OPERATION, .project = "Access control",
    .required = "Access review export showing every account enrolled",
    .links = { "iso27001-2022:A.5.17", "iso27001-2022:A.8.5", "nis2:21(2)(j)" },
    .created = 300, .due = -240, .started = 290, .submitted = 250, .closed = 245,
    .text = "Checked the console settings with Joost: MFA is enforced for all 14 accounts, "
            "without exceptions.",
    .evidence = "Quarterly access review" },
  { .title = "Quarterly access review of production",
    .decision = "The internal audit found two former employees with active accounts.",
    .source = PARAAT_SOURCE_AUDIT, .owner = CTO, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_OPERATION, .project = "Access control",
    .required = "Signed-off export of the access review",
    .links = { "iso27001-2022:A.5.15", "iso27001-2022:A.5.18", "nis2:21(2)(i)" },
    .created = 200, .due = -120, .started = 190, .submitted = 130, .closed = 125,
    .text = "The review covers all production accounts; two leavers were removed within a "
            "day.",
    .evidence = "Quarterly access review" },
  { .title = "Restore test of the production database backup",
    .decision = "After the storage incident nobody could say how long a restore takes.",
    .source = PARAAT_SOURCE_INCIDENT, .owner = DEVOPS, .priority = PARAAT_PRIORITY_CRITICAL,
    .track = PARAAT_TRACK_OPERATION, .project = "Backup and recovery",
    .required = "Restore log with timings",
    .links = { "iso27001-2022:A.8.13", "nis2:21(2)(c)" },
    .created = 80, .due = -40, .started = 75, .submitted = 50, .rejected = 47,
    .rejection = "The log shows a restore of the files only; the database restore is missing.",
    .closed = 35,
    .text = "Restore log of the full database checked: restored in 47 minutes, within the "
            "4-hour target.",
    .evidence = "Backup restore test" },
  { .title = "Publish the cryptography policy",
    .decision = "The internal audit found encryption done well but nowhere written down.",
    .source = PARAAT_SOURCE_AUDIT, .owner = CTO, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_POLICY, .project = "Policies",
    .required = "Approved policy in the document register",
    .links = { "iso27001-2022:A.8.24", "nis2:21(2)(h)" },
    .created = 150, .due = -60, .started = 140, .submitted = 70, .closed = 65,
    .text = "Version 1.0 approved by the managing director and published on the intranet.",
    .evidence = "Cryptography policy" },
  { .title = "Run an incident response tabletop exercise",
    .decision = "The incident plan had never been tried; the audit asked for proof it works.",
    .source = PARAAT_SOURCE_AUDIT, .owner = ISMS_OWNER, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_MONITORING, .project = "Incident management",
    .required = "Exercise report with findings",
    .links = { "iso27001-2022:A.5.24", "iso27001-2022:A.5.26", "nis2:21(2)(b)" },
    .created = 160, .due = -80, .started = 120, .submitted = 88, .closed = 85,
    .text = "Report read; five findings recorded, three of them turned into actions.",
    .evidence = "Incident response exercise report" },
  { .title = "Monthly vulnerability scan of the public endpoints",
    .decision = "A customer reported an outdated TLS configuration on the support console.",
    .source = PARAAT_SOURCE_INCIDENT, .owner = DEVOPS, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_MONITORING, .project = "Vulnerability management",
    .required = "Scan summary with the follow-up of critical findings",
    .links = { "iso27001-2022:A.8.8", "nis2:21(2)(e)" },
    .created = 60, .due = -20, .started = 55, .submitted = 25, .closed = 22,
    .text = "The summary shows no open critical findings; two medium ones are scheduled.",
    .evidence = "Vulnerability scan summary" },
  { .title = "Security awareness training for all staff",
    .decision = "Most incidents last year started with a click on a link.",
    .source = PARAAT_SOURCE_RISK, .owner = HR, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_OPERATION, .project = "Awareness",
    .required = "Attendance list",
    .links = { "iso27001-2022:A.6.3", "nis2:21(2)(g)" },
    .created = 250, .due = -150, .started = 240, .submitted = 160, .closed = 155,
    .text = "The attendance list shows 38 of 40 staff; the two absentees follow the e-learning.",
    .evidence = "Security awareness training attendance" },
  { .title = "Supplier register with security ratings",
    .decision = "The audit could not find which suppliers process customer data.",
    .source = PARAAT_SOURCE_AUDIT, .owner = FINANCE, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_OPERATION, .project = "Suppliers",
    .required = "Register with a rating per supplier",
    .links = { "iso27001-2022:A.5.19", "iso27001-2022:A.5.20", "nis2:21(2)(d)" },
    .created = 100, .due = -30, .started = 95, .submitted = 40, .closed = 33,
    .text = "All 23 suppliers are rated; the four critical ones have a processing agreement.",
    .evidence = "Supplier register" },

  /* Waiting for review */
  { .title = "Yearly penetration test of Roosterwijs",
    .decision = "Customers in healthcare ask for a recent test report in their tenders.",
    .source = PARAAT_SOURCE_RISK, .owner = DEVOPS, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_MONITORING, .project = "Vulnerability management",
    .required = "Report of an external tester and the retest of its findings",
    .links = { "iso27001-2022:A.8.8", "iso27001-2022:A.8.29" },
    .created = 70, .due = 10, .started = 60, .submitted = 4,
    .evidence = "Vulnerability scan summary" },
  { .title = "Update the information security policy to version 3",
    .decision = "The policy still named the old hosting supplier and missed NIS2.",
    .source = PARAAT_SOURCE_OTHER, .owner = ISMS_OWNER, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_POLICY, .project = "Policies",
    .required = "Version 3, approved by the managing director",
    .links = { "iso27001-2022:5.2", "iso27001-2022:A.5.1", "nis2:21(2)(a)" },
    .created = 45, .due = 5, .started = 40, .submitted = 3,
    .evidence = "Information security policy" },

  /* In progress */
  { .title = "Define the logging and monitoring standard",
    .decision = "Logs are kept, but nobody decided what is logged, how long, and who looks.",
    .source = PARAAT_SOURCE_AUDIT, .owner = CTO, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_POLICY, .project = "Logging and monitoring",
    .required = "Approved standard with retention periods",
    .links = { "iso27001-2022:A.8.15", "iso27001-2022:A.8.16", "nis2:21(2)(f)" },
    .created = 90, .due = -12, .started = 80 },
  { .title = "Data protection impact assessment for the scheduling assistant",
    .decision = "The new assistant proposes rosters from health data of care staff.",
    .source = PARAAT_SOURCE_RISK, .owner = PRIVACY, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_POLICY, .project = "Privacy",
    .required = "Completed DPIA signed by the privacy officer",
    .links = { "iso27001-2022:A.5.34" },
    .created = 40, .due = 20, .started = 30 },
  { .title = "Business continuity plan for an outage of the hosting region",
    .decision = "Roosterwijs runs in one region; a regional outage stops all customers.",
    .source = PARAAT_SOURCE_RISK, .owner = CTO, .priority = PARAAT_PRIORITY_CRITICAL,
    .track = PARAAT_TRACK_POLICY, .project = "Backup and recovery",
    .required = "Approved continuity plan with recovery targets",
    .links = { "iso27001-2022:A.5.29", "iso27001-2022:A.5.30", "nis2:21(2)(c)" },
    .created = 120, .due = -40, .started = 100, .moved = 45, .moved_to = -5,
    .move_reason = "Waiting for the hosting supplier’s own continuity plan." },
  { .title = "Secure development guideline for the Roosterwijs team",
    .decision = "Code review happens, but what a reviewer checks differs per person.",
    .source = PARAAT_SOURCE_OTHER, .owner = DEVOPS, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_POLICY, .project = "Secure development",
    .required = "Guideline in the engineering handbook",
    .links = { "iso27001-2022:A.8.25", "iso27001-2022:A.8.28" },
    .created = 50, .due = 40, .started = 20 },
  { .title = "Offboarding checklist with access revocation",
    .decision = "Leavers kept access to the support console for weeks.",
    .source = PARAAT_SOURCE_AUDIT, .owner = HR, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_OPERATION, .project = "Access control",
    .required = "Three completed checklists of recent leavers",
    .links = { "iso27001-2022:A.6.5", "iso27001-2022:A.5.18" },
    .created = 35, .due = 25, .started = 10 },
  { .title = "Clean-desk and clear-screen check in the office",
    .decision = "Visitors walk past the support desk.",
    .source = PARAAT_SOURCE_OTHER, .owner = SUCCESS, .priority = PARAAT_PRIORITY_LOW,
    .track = PARAAT_TRACK_MONITORING, .project = "Awareness",
    .required = "Results of two unannounced checks",
    .links = { "iso27001-2022:A.7.7" },
    .created = 20, .due = 60, .started = 5 },

  /* Open */
  { .title = "Encrypt customer exports at rest",
    .decision = "Exports for customers sit unencrypted in object storage for 30 days.",
    .source = PARAAT_SOURCE_RISK, .owner = CTO, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_OPERATION, .project = "Cryptography",
    .required = "Storage configuration showing encryption with our own keys",
    .links = { "iso27001-2022:A.8.24", "iso27001-2022:A.8.11" },
    .created = 15, .due = 45 },
  { .title = "Inventory of laptops and cloud accounts",
    .decision = "The audit could not match laptops to their users.",
    .source = PARAAT_SOURCE_AUDIT, .owner = DEVOPS, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_OPERATION, .project = "Assets",
    .required = "Inventory export with an owner per asset",
    .links = { "iso27001-2022:A.5.9", "nis2:21(2)(i)" },
    .created = 30, .due = -15, .moved = 20, .moved_to = -8,
    .move_reason = "The laptop refresh delayed the count by a week." },
  { .title = "Security clauses in the standard customer contract",
    .decision = "Sales negotiates security terms anew for every healthcare customer.",
    .source = PARAAT_SOURCE_OTHER, .owner = SUCCESS, .priority = PARAAT_PRIORITY_LOW,
    .track = PARAAT_TRACK_POLICY, .project = "Suppliers",
    .required = "Approved contract template",
    .links = { "iso27001-2022:A.5.20", "iso27001-2022:A.5.31" },
    .created = 10, .due = 75 },
  { .title = "Update the privacy notice for the mobile app",
    .source = PARAAT_SOURCE_OTHER, .owner = PRIVACY, .priority = PARAAT_PRIORITY_LOW,
    .track = PARAAT_TRACK_POLICY, .project = "Privacy",
    .required = "Published notice",
    .links = { "iso27001-2022:A.5.34" },
    .created = 8, .due = 90 },
  { .title = "Budget for the certification audit",
    .decision = "The certification body needs a signed quote before planning stage 1.",
    .source = PARAAT_SOURCE_OTHER, .owner = FINANCE, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_POLICY, .project = "Certification",
    .required = "Signed quote of the certification body",
    .created = 12, .due = 12 },
  { .title = "Subscribe to a threat intelligence feed",
    .source = PARAAT_SOURCE_RISK, .owner = DEVOPS, .priority = PARAAT_PRIORITY_LOW,
    .track = PARAAT_TRACK_MONITORING, .project = "Vulnerability management",
    .required = "Feed configured and a first monthly summary",
    .links = { "iso27001-2022:A.5.7" },
    .created = 6, .due = 100 },

  /* Cancelled */
  { .title = "Replace the VPN with a zero-trust gateway",
    .source = PARAAT_SOURCE_RISK, .owner = CTO, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_OPERATION, .project = "Access control",
    .links = { "iso27001-2022:A.8.20" },
    .created = 200, .due = -100, .started = 180, .cancelled = 150,
    .text = "The VPN was retired altogether; staff reach Roosterwijs through single sign-on "
            "only." },
  { .title = "Removable media policy",
    .source = PARAAT_SOURCE_OTHER, .owner = DEVOPS, .priority = PARAAT_PRIORITY_LOW,
    .track = PARAAT_TRACK_POLICY, .project = "Policies",
    .links = { "iso27001-2022:A.7.10" },
    .created = 300, .due = -200, .cancelled = 290,
    .text = "Not needed: no removable media are used (see the Statement of Applicability)." },

  /* From the first management review's decisions */
  { .title = "Half-yearly restore test of the production backup", .review = 1, .item = 1,
    .owner = DEVOPS, .priority = PARAAT_PRIORITY_HIGH, .track = PARAAT_TRACK_OPERATION,
    .project = "Backup and recovery", .required = "Restore log",
    .links = { "iso27001-2022:A.8.13" },
    .created = 330, .due = -150, .started = 300, .submitted = 170, .closed = 165,
    .text = "Restore log checked: files and database restored on the test environment.",
    .evidence = "Backup restore test" },
  { .title = "Phishing awareness session for all staff", .review = 1, .item = 2,
    .owner = HR, .priority = PARAAT_PRIORITY_MEDIUM, .track = PARAAT_TRACK_OPERATION,
    .project = "Awareness", .required = "Attendance list",
    .links = { "iso27001-2022:A.6.3" },
    .created = 330, .due = -240, .started = 310, .submitted = 250, .closed = 245,
    .text = "Attendance list checked: all staff present or followed the recording.",
    .evidence = "Security awareness training attendance" },
  { .title = "Yearly security assessment of the four critical suppliers", .review = 1,
    .item = 3, .owner = FINANCE, .priority = PARAAT_PRIORITY_MEDIUM,
    .track = PARAAT_TRACK_OPERATION, .project = "Suppliers",
    .required = "Completed questionnaires and our assessment",
    .links = { "iso27001-2022:A.5.22", "nis2:21(2)(d)" },
    .created = 330, .due = -30, .started = 200, .moved = 35, .moved_to = 15,
    .move_reason = "Two suppliers have not returned the questionnaire yet." },
  { .title = "Appoint and train a deputy ISMS owner", .review = 1, .item = 4,
    .owner = DIRECTOR, .priority = PARAAT_PRIORITY_MEDIUM, .track = PARAAT_TRACK_POLICY,
    .required = "Appointment letter",
    .links = { "iso27001-2022:5.3" },
    .created = 330, .due = -200, .cancelled = 20,
    .text = "Replaced by the decision of the second review to hire a security officer." },

  /* From the second management review's decisions */
  { .title = "Recruit a part-time security officer", .review = 2, .item = 1,
    .owner = DIRECTOR, .priority = PARAAT_PRIORITY_HIGH, .track = PARAAT_TRACK_OPERATION,
    .required = "Signed contract and role description",
    .links = { "iso27001-2022:5.3" },
    .created = 21, .due = 70 },
  { .title = "Register with the national CSIRT as an essential entity", .review = 2,
    .item = 2, .owner = DIRECTOR, .priority = PARAAT_PRIORITY_HIGH,
    .track = PARAAT_TRACK_POLICY, .project = "NIS2",
    .required = "Confirmation of the registration",
    .links = { "nis2:20", "nis2:23" },
    .created = 21, .due = -3 },
  { .title = "Internal audit of the technological controls (A.8)", .review = 2, .item = 3,
    .owner = ISMS_OWNER, .priority = PARAAT_PRIORITY_HIGH, .track = PARAAT_TRACK_MONITORING,
    .project = "Certification", .required = "Audit report",
    .links = { "iso27001-2022:9.2" },
    .created = 21, .due = 50 },

  /* Gaps of the baseline scan, turned into actions in one step */
  { .gap = 1, .created = 360, .due = -200, .started = 340, .submitted = 215, .closed = 210,
    .text = "Procedure read and checked against the register; approved by the owner.",
    .evidence = "Information security policy" },
  { .gap = 2, .created = 360, .due = -120, .started = 300, .submitted = 105, .closed = 100,
    .text = "Procedure approved; the owner walked me through how it is applied.",
    .evidence = "Information security policy" },
  { .gap = 3, .created = 360, .due = -100, .started = 200, .moved = 110, .moved_to = -10,
    .move_reason = "Waiting for the new tooling to be chosen." },
  { .gap = 4, .created = 360, .due = 30, .started = 150 },
  { .gap = 5, .created = 360, .due = -25 },
  { .gap = 6, .created = 360, .due = 20, .started = 90, .submitted = 6,
    .evidence = "Information security policy" },
  { .gap = 7, .created = 360, .due = -180, .cancelled = 280,
    .text = "Covered by another action of the implementation plan." },
  { .gap = 8, .created = 360, .due = 60 },
  /* … and of the gap analysis a month ago */
  { .gap = 101, .created = 28, .due = 60 },
  { .gap = 102, .created = 28, .due = 80 },
  { .gap = 103, .created = 28, .due = 110, .started = 14 },
};

typedef struct
{
  ParaatReviewInput input;
  const char       *notes;
} DemoInput;

typedef struct
{
  const char *text;
  const char *no_action;       /* reason; NULL with no action and no reason: flagged */
} DemoDecision;

typedef struct
{
  const char         *title;
  int                 held;          /* days ago */
  int                 finalised;
  int                 chair;
  int                 attendees[5];  /* -1 ends */
  DemoInput           inputs[PARAAT_N_REVIEW_INPUTS];
  DemoDecision        decisions[5];
  int                 addendum;      /* days ago; 0: none */
  const char         *addendum_text;
} DemoReview;

static const DemoReview demo_reviews[] = {
  { .title = "Management review 1", .held = 330, .finalised = 328, .chair = DIRECTOR,
    .attendees = { ISMS_OWNER, CTO, HR, -1 },
    .inputs = {
      { PARAAT_REVIEW_INPUT_PREVIOUS_ACTIONS, "First management review: there are no earlier "
        "decisions to follow up." },
      { PARAAT_REVIEW_INPUT_ISSUES, "Healthcare customers ask for ISO 27001 in tenders; NIS2 "
        "makes us an essential entity as a supplier to hospitals." },
      { PARAAT_REVIEW_INPUT_PARTY_NEEDS, "Two hospital groups require a certificate by next "
        "year; staff want clear rules for working from home." },
      { PARAAT_REVIEW_INPUT_NONCONFORMITIES, "The baseline scan showed most controls at "
        "level 1–2; no formal nonconformities yet." },
      { PARAAT_REVIEW_INPUT_MONITORING, "Uptime 99.95%; no measurements of security yet." },
      { PARAAT_REVIEW_INPUT_AUDITS, "No internal audit held yet; planned for the autumn." },
      { PARAAT_REVIEW_INPUT_OBJECTIVES, "Objectives set: certification within 18 months, no "
        "customer data incidents." },
      { PARAAT_REVIEW_INPUT_PARTY_FEEDBACK, "A customer complained about a phishing mail "
        "sent in our name." },
      { PARAAT_REVIEW_INPUT_RISKS, "First risk assessment done: backups, phishing and "
        "suppliers are the top three risks." },
      { PARAAT_REVIEW_INPUT_IMPROVEMENT, "Use the scan's gaps as the implementation plan." },
    },
    .decisions = {
      { "Test restores of the production backup at least twice a year.", NULL },
      { "Train all staff on phishing before the summer.", NULL },
      { "Assess the security of the critical suppliers every year.", NULL },
      { "Appoint a deputy for the ISMS owner.", NULL },
      { "Keep the scope as it is; the new mobile app is covered by the platform.",
        "The app uses the same platform and processes; the scope statement already covers "
        "it." },
    } },
  { .title = "Management review 2", .held = 21, .finalised = 19, .chair = DIRECTOR,
    .attendees = { ISMS_OWNER, CTO, FINANCE, PRIVACY, -1 },
    .inputs = {
      { PARAAT_REVIEW_INPUT_PREVIOUS_ACTIONS, "Restore tests and phishing training done; the "
        "supplier assessment is late; the deputy was not appointed." },
      { PARAAT_REVIEW_INPUT_ISSUES, "The NIS2 act was passed; registration with the CSIRT "
        "is required this quarter." },
      { PARAAT_REVIEW_INPUT_PARTY_NEEDS, "The hospital groups moved their deadline forward "
        "by three months." },
      { PARAAT_REVIEW_INPUT_NONCONFORMITIES, "The internal audit raised six findings, four "
        "closed; the storage incident led to a restore test." },
      { PARAAT_REVIEW_INPUT_MONITORING, "Readiness rose from the baseline; evidence is fresh "
        "for most of the controls worked on." },
      { PARAAT_REVIEW_INPUT_AUDITS, "Internal audit in the spring; the technological "
        "controls were sampled only lightly." },
      { PARAAT_REVIEW_INPUT_OBJECTIVES, "Certification on track for the autumn; no customer "
        "data incidents this year." },
      { PARAAT_REVIEW_INPUT_PARTY_FEEDBACK, "Customers value the new access review reports." },
      { PARAAT_REVIEW_INPUT_RISKS, "The single hosting region is now the top risk; the "
        "treatment plan is two thirds done." },
      { PARAAT_REVIEW_INPUT_IMPROVEMENT, "Automate the evidence of access reviews and "
        "vulnerability scans." },
    },
    .decisions = {
      { "Hire a part-time security officer to support the ISMS owner.", NULL },
      { "Complete the NIS2 registration before the end of the quarter.", NULL },
      { "Repeat the internal audit on the technological controls before certification.", NULL },
      { "Accept the residual risk of a single hosting region for another year.",
        "Risk accepted by the managing director; the continuity plan in progress limits the "
        "impact." },
      { "Supplier performance was discussed.", NULL },
    },
    .addendum = 6,
    .addendum_text = "The supplier item was too vague to act on. It is covered by the yearly "
                     "supplier assessment, which continues; no separate action." },
};

typedef enum
{
  STEP_CREATE,
  STEP_REVIEW,
  STEP_GAPS,
  STEP_START,
  STEP_MOVE,
  STEP_SUBMIT,
  STEP_REJECT,
  STEP_RESUBMIT,
  STEP_CLOSE,
  STEP_CANCEL,
  STEP_FINALISE,
  STEP_ADDENDUM,
} Step;

typedef struct
{
  gint64 ms;
  Step   step;
  guint  index;      /* into demo_actions, or demo_reviews, or the scan (0, 1) for gaps */
} Event;

typedef struct
{
  ParaatWorkspace *ws;
  gint64           now_ms;
  gint64           ids[G_N_ELEMENTS (demo_actions)];
  gint64           review_ids[G_N_ELEMENTS (demo_reviews)];
  gint64           decision_ids[G_N_ELEMENTS (demo_reviews)][5];
  gint64           scan_ids[2];        /* baseline, gap analysis */
  GHashTable      *evidence;           /* title → id */
  GArray          *events;
} Story;

static void
add_event (Story *story,
           int    days_ago,
           int    hour,
           Step   step,
           guint  index)
{
  Event event = {
    .ms = story->now_ms - days_ago * DAY_MS + (hour - 12) * HOUR_MS,
    .step = step,
    .index = index,
  };

  g_array_append_val (story->events, event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a;
  const Event *y = b;

  if (x->ms != y->ms)
    return x->ms < y->ms ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
plan (Story *story)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      const DemoAction *a = &demo_actions[i];

      if (a->review == 0 && a->gap == 0)
        add_event (story, a->created, 9, STEP_CREATE, i);
      if (a->started)
        add_event (story, a->started, 10, STEP_START, i);
      if (a->moved)
        add_event (story, a->moved, 11, STEP_MOVE, i);
      if (a->submitted)
        add_event (story, a->submitted, 14, STEP_SUBMIT, i);
      if (a->rejected)
        {
          add_event (story, a->rejected, 15, STEP_REJECT, i);
          add_event (story, a->closed + 1, 14, STEP_RESUBMIT, i);
        }
      if (a->closed)
        add_event (story, a->closed, 16, STEP_CLOSE, i);
      if (a->cancelled)
        add_event (story, a->cancelled, 16, STEP_CANCEL, i);
    }
  for (guint r = 0; r < G_N_ELEMENTS (demo_reviews); r++)
    {
      add_event (story, demo_reviews[r].held, 8, STEP_REVIEW, r);
      add_event (story, demo_reviews[r].finalised, 17, STEP_FINALISE, r);
      if (demo_reviews[r].addendum)
        add_event (story, demo_reviews[r].addendum, 12, STEP_ADDENDUM, r);
    }
  add_event (story, 360, 8, STEP_GAPS, 0);
  add_event (story, 28, 8, STEP_GAPS, 1);
  g_array_sort (story->events, compare_events);
}

static char *
due_date (Story *story,
          int    days_from_today)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (story->now_ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) due = g_date_time_add_days (local, days_from_today);

  return g_date_time_format (due, "%Y-%m-%d");
}

static char *
quarter_of (const char *date)
{
  int month = atoi (date + 5);

  return g_strdup_printf ("%.4s-Q%d", date, (month + 2) / 3);
}

static gint64
person_id (ParaatWorkspace *ws,
           int              who)
{
  ParaatPerson *person = paraat_workspace_find_person_by_name (ws, staff[who]);

  return person ? paraat_person_get_id (person) : 0;
}

/* The requirement ids of LINKS; IDS must hold four. */
static guint
resolve_links (ParaatWorkspace    *ws,
               const char * const *links,
               gint64             *ids,
               GError            **error)
{
  guint n = 0;

  for (guint i = 0; i < 4 && links[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (links[i], ":", 2);
      g_autoptr(ParaatRequirement) r = paraat_workspace_find_requirement (ws, parts[0],
                                                                         parts[1], error);
      if (r == NULL)
        return G_MAXUINT;
      ids[n++] = paraat_requirement_get_id (r);
    }
  return n;
}

/* Fills SPEC for action I; strings live in STRINGS, ids in REQS (four). */
static gboolean
fill_spec (Story            *story,
           guint             i,
           ParaatActionSpec *spec,
           GPtrArray        *strings,
           gint64           *reqs,
           GError          **error)
{
  const DemoAction *a = &demo_actions[i];
  char *due = due_date (story, a->due);
  guint n = resolve_links (story->ws, a->links, reqs, error);

  if (n == G_MAXUINT)
    return FALSE;
  g_ptr_array_add (strings, due);
  g_ptr_array_add (strings, quarter_of (due));
  *spec = (ParaatActionSpec) {
    .title = a->title, .decision = a->decision, .source = a->source,
    .owner_id = person_id (story->ws, a->owner), .due_date = due, .priority = a->priority,
    .required_track = a->track, .required_evidence = a->required, .project = a->project,
    .quarter = g_ptr_array_index (strings, strings->len - 1),
    .requirement_ids = reqs, .n_requirements = n,
  };
  return TRUE;
}

static gboolean
do_create (Story   *story,
           guint    i,
           GError **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  ParaatActionSpec spec;
  gint64 reqs[4];

  if (!fill_spec (story, i, &spec, strings, reqs, error))
    return FALSE;
  story->ids[i] = paraat_workspace_create_action (story->ws, &spec, error);
  return story->ids[i] != 0;
}

static const char * const gap_owners[] = { "Fatima El Amrani", "Joost Bakker", "Marloes Jansen",
                                           "Eva Smit", "Sanne de Vries" };

/* The scan's top gaps become actions in one step, as the gap list's button does it. */
static gboolean
do_gaps (Story   *story,
         guint    scan,
         GError **error)
{
  g_autoptr(ParaatScanResults) results =
    paraat_workspace_compute_scan_results (story->ws, story->scan_ids[scan], error);
  g_autoptr(GArray) specs = g_array_new (FALSE, TRUE, sizeof (ParaatActionSpec));
  g_autoptr(GArray) which = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  gint64 reqs[G_N_ELEMENTS (demo_actions)];

  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  if (results == NULL)
    return FALSE;

  /* The biggest gaps that no action addresses yet */
  for (guint k = 0; k < results->gaps->len; k++)
    {
      const ParaatScanGap *gap = g_ptr_array_index (results->gaps, k);
      g_autoptr(GListModel) existing =
        paraat_workspace_list_requirement_actions (story->ws, gap->item->requirement_id, error);

      if (existing == NULL)
        return FALSE;
      if (g_list_model_get_n_items (existing) == 0)
        g_ptr_array_add (candidates, (gpointer) gap);
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      const DemoAction *a = &demo_actions[i];
      guint rank = scan == 0 ? (guint) a->gap - 1 : (guint) a->gap - 101;
      const ParaatScanGap *gap;
      ParaatActionSpec spec;
      char *due;

      if (a->gap == 0 || (scan == 0) != (a->gap < 100) || rank >= candidates->len)
        continue;
      gap = g_ptr_array_index (candidates, rank);
      due = due_date (story, a->due);
      g_ptr_array_add (strings, due);
      g_ptr_array_add (strings, quarter_of (due));
      g_ptr_array_add (strings, g_strdup_printf ("Close the gap on %s %s (level %d → %d)",
                                                 gap->item->label, gap->item->title,
                                                 gap->item->level, gap->item->target_level));
      reqs[i] = gap->item->requirement_id;
      spec = (ParaatActionSpec) {
        .title = g_ptr_array_index (strings, strings->len - 1),
        .decision = "Below the target level in the scan; write down and apply a procedure "
                    "so it reaches the target.",
        .source = PARAAT_SOURCE_SCAN_GAP,
        .owner_id = paraat_person_get_id (
          paraat_workspace_find_person_by_name (story->ws, gap_owners[i % G_N_ELEMENTS (gap_owners)])),
        .due_date = due, .quarter = g_ptr_array_index (strings, strings->len - 2),
        .priority = gap->gap >= 2 ? PARAAT_PRIORITY_HIGH : PARAAT_PRIORITY_MEDIUM,
        .required_track = PARAAT_TRACK_POLICY,
        .required_evidence = "Procedure approved by the owner",
        .project = "Implementation plan",
        .requirement_ids = &reqs[i], .n_requirements = 1,
        .scan_id = story->scan_ids[scan],
      };
      g_array_append_val (specs, spec);
      g_array_append_val (which, i);
    }

  if (!paraat_workspace_create_actions (story->ws, (ParaatActionSpec *) specs->data,
                                        specs->len, ids, error))
    return FALSE;
  for (guint k = 0; k < which->len; k++)
    story->ids[g_array_index (which, guint, k)] = g_array_index (ids, gint64, k);
  return TRUE;
}

static gboolean
do_review (Story   *story,
           guint    r,
           GError **error)
{
  const DemoReview *review = &demo_reviews[r];
  gint64 attendees[5];
  guint n = 0;
  gint64 id;

  for (; n < G_N_ELEMENTS (review->attendees) && review->attendees[n] >= 0; n++)
    attendees[n] = person_id (story->ws, review->attendees[n]);
  {
    g_autofree char *date = due_date (story, -review->held);
    ParaatReviewSpec spec = {
      .title = review->title, .date = date, .chair_id = person_id (story->ws, review->chair),
      .attendee_ids = attendees, .n_attendees = n,
    };
    if (!(id = paraat_workspace_create_review (story->ws, &spec, error)))
      return FALSE;
  }
  story->review_ids[r] = id;

  for (guint i = 0; i < PARAAT_N_REVIEW_INPUTS; i++)
    if (!paraat_workspace_set_review_input (story->ws, id, review->inputs[i].input, TRUE,
                                            review->inputs[i].notes, error))
      return FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (review->decisions); d++)
    {
      gint64 decision = paraat_workspace_add_review_decision (story->ws, id,
                                                              review->decisions[d].text, error);
      if (decision == 0 ||
          (review->decisions[d].no_action &&
           !paraat_workspace_set_decision_no_action (story->ws, decision,
                                                     review->decisions[d].no_action, error)))
        return FALSE;
      story->decision_ids[r][d] = decision;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      ParaatActionSpec spec;
      gint64 reqs[4];

      if (demo_actions[i].review != (int) r + 1)
        continue;
      if (!fill_spec (story, i, &spec, strings, reqs, error) ||
          !(story->ids[i] = paraat_workspace_add_decision_action (
              story->ws, story->decision_ids[r][demo_actions[i].item - 1], &spec, error)))
        return FALSE;
    }
  return TRUE;
}

/* The ISMS owner reviews, except her own work, which the managing director reviews. */
static gint64
reviewer_for (Story  *story,
              gint64  owner_id)
{
  gint64 isms_owner = person_id (story->ws, ISMS_OWNER);

  return owner_id == isms_owner ? person_id (story->ws, DIRECTOR) : isms_owner;
}

static gboolean
do_submit (Story   *story,
           guint    i,
           GError **error)
{
  const DemoAction *a = &demo_actions[i];
  gpointer evidence = g_hash_table_lookup (story->evidence, a->evidence);

  if (evidence == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no demo evidence “%s”",
                   a->evidence);
      return FALSE;
    }
  return paraat_workspace_link_action_evidence (story->ws, story->ids[i],
                                                *(gint64 *) evidence, error) &&
         paraat_workspace_submit_action (story->ws, story->ids[i], error);
}

static gboolean
do_step (Story        *story,
         const Event  *event,
         GError      **error)
{
  const DemoAction *a = event->step <= STEP_GAPS || event->step >= STEP_FINALISE
                        ? NULL : &demo_actions[event->index];
  gint64 id = a ? story->ids[event->index] : 0;

  switch (event->step)
    {
    case STEP_CREATE:
      return do_create (story, event->index, error);
    case STEP_REVIEW:
      return do_review (story, event->index, error);
    case STEP_GAPS:
      return do_gaps (story, event->index, error);
    case STEP_START:
      return paraat_workspace_start_action (story->ws, id, error);
    case STEP_MOVE:
      {
        g_autofree char *due = due_date (story, a->moved_to);
        return paraat_workspace_move_action_due (story->ws, id, due, a->move_reason, error);
      }
    case STEP_SUBMIT:
      return do_submit (story, event->index, error);
    case STEP_REJECT:
      return paraat_workspace_reject_action (story->ws, id, person_id (story->ws, ISMS_OWNER),
                                             a->rejection, error);
    case STEP_RESUBMIT:
      return paraat_workspace_submit_action (story->ws, id, error);
    case STEP_CLOSE:
      {
        g_autoptr(ParaatAction) action = paraat_workspace_get_action (story->ws, id, error);
        return action != NULL &&
               paraat_workspace_approve_action (story->ws, id,
                                                reviewer_for (story,
                                                              paraat_action_get_owner_id (action)),
                                                a->text, error);
      }
    case STEP_CANCEL:
      return paraat_workspace_cancel_action (story->ws, id, a->text, error);
    case STEP_FINALISE:
      return paraat_workspace_finalise_review (story->ws, story->review_ids[event->index], error);
    case STEP_ADDENDUM:
      return paraat_workspace_add_review_addendum (story->ws, story->review_ids[event->index],
                                                   demo_reviews[event->index].addendum_text,
                                                   error) != 0;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
load_sources (Story   *story,
              GError **error)
{
  g_autoptr(GListModel) evidence = paraat_workspace_list_evidence (story->ws, error);
  g_autoptr(GListModel) scans = NULL;

  if (evidence == NULL || !(scans = paraat_workspace_list_scans (story->ws, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(ParaatEvidence) e = g_list_model_get_item (evidence, i);
      gint64 *id = g_new (gint64, 1);

      *id = paraat_evidence_get_id (e);
      g_hash_table_insert (story->evidence, g_strdup (paraat_evidence_get_title (e)), id);
    }
  /* Newest first: the gap analysis, then the baseline */
  if (g_list_model_get_n_items (scans) < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the demo needs its two scans");
      return FALSE;
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ParaatScan) scan = g_list_model_get_item (scans, i);
      story->scan_ids[1 - i] = paraat_scan_get_id (scan);
    }
  return TRUE;
}

gboolean
paraat_demo_add_actions (ParaatWorkspace  *ws,
                         GError          **error)
{
  Story story = { .ws = ws, .now_ms = paraat_clock_now_ms () };
  gboolean ok;

  story.evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  story.events = g_array_new (FALSE, FALSE, sizeof (Event));

  ok = load_sources (&story, error);
  if (ok)
    plan (&story);
  for (guint i = 0; ok && i < story.events->len; i++)
    {
      const Event *event = &g_array_index (story.events, Event, i);

      paraat_clock_set_thread_ms (event->ms);
      ok = do_step (&story, event, error);
    }
  paraat_clock_set_thread_ms (0);

  g_hash_table_unref (story.evidence);
  g_array_unref (story.events);
  return ok;
}
