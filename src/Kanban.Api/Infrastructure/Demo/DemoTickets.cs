using Kanban.Domain.Cards;

namespace Kanban.Api.Infrastructure.Demo;

internal static class DemoTickets
{
    public static readonly IReadOnlyList<TicketContent> All =
    [
        new(
            "Capture card payments separately from authorisation",
            "Add a separate capture step for authorised card payments so that merchants charge customers only when an order ships. Today we authorise and capture in one call, which forces a refund whenever an order is cancelled before dispatch.",
            [
                "An authorised payment can be captured once for its full amount",
                "A second capture of the same payment is refused with a clear error",
                "Capturing an expired authorisation returns a declined status to the caller",
            ],
            3m,
            CardClass.Standard),
        new(
            "Support partial refunds against captured payments",
            "Merchants need to refund part of an order when a single item is returned. Add a partial refund endpoint that tracks the refunded total per payment, so the remaining refundable amount is always known and can never go negative.",
            [
                "A refund over the remaining captured amount is refused with a clear error",
                "Two partial refunds that add up to the captured amount both succeed",
                "The payment shows the refunded total after each refund",
            ],
            2m,
            CardClass.Standard),
        new(
            "Make payment creation idempotent with an Idempotency-Key header",
            "Clients retry payment requests after network timeouts and sometimes charge a customer twice. Accept an Idempotency-Key header on payment creation and return the original result when the same key is repeated within 24 hours.",
            [
                "Repeating a request with the same key returns the original payment id",
                "Reusing a key with a different request body returns HTTP 422",
                "Keys older than 24 hours are purged by the nightly cleanup job",
            ],
            3m,
            CardClass.Standard),
        new(
            "Verify webhook signatures from the card acquirer",
            "Our webhook receiver accepts acquirer events without checking who sent them, so anyone who learns the URL could mark a payment as settled. Verify the HMAC signature header on every incoming event and reject everything that fails the check.",
            [
                "An event with a missing signature header is rejected with HTTP 401",
                "An event signed with the wrong secret is rejected and logged",
                "An event timestamped more than five minutes ago is rejected as a replay",
            ],
            1.5m,
            CardClass.Risk),
        new(
            "Retry failed merchant notifications with exponential backoff",
            "When a merchant endpoint is down we drop the notification and the merchant never learns the final payment status. Queue failed deliveries and retry them with exponential backoff for up to 24 hours before giving up.",
            [
                "A delivery that fails with HTTP 503 is retried after one minute",
                "The delay doubles after each failed attempt up to one hour",
                "After 24 hours of failures the delivery is marked abandoned and shown to support",
            ],
            2m,
            CardClass.Standard),
        new(
            "Reconcile the daily settlement file against captured payments",
            "Finance reconciles the acquirer settlement file by hand in a spreadsheet every morning, which takes two hours and misses small differences. Import the file automatically, match each line to a captured payment and report every line that does not match.",
            [
                "Every settlement line with a matching capture is marked reconciled",
                "A settlement line with no matching payment appears on the exceptions report",
                "An amount mismatch of one cent or more is reported with both amounts",
            ],
            3m,
            CardClass.Standard),
        new(
            "Apply half-even rounding to currency conversions",
            "Conversions from euros to pounds round half up in the pricing service and truncate in the ledger, which produces one-penny differences at settlement. Use half-even rounding to the minor unit of the target currency everywhere we convert amounts.",
            [
                "An amount of 2.345 rounds to 2.34 and 2.355 rounds to 2.36",
                "Currencies without minor units such as JPY round to whole yen",
                "The pricing service and the ledger produce identical amounts for 1,000 sample payments",
            ],
            1m,
            CardClass.Risk),
        new(
            "Add a fraud rule for many cards tried from one device",
            "Card testing attacks use a single device to try dozens of stolen cards within a few minutes. Add a fraud rule that blocks a device fingerprint after five distinct cards have been attempted from it within ten minutes.",
            [
                "A sixth distinct card from one device within ten minutes is declined",
                "The declined attempt is recorded with the rule name in the fraud log",
                "Fraud analysts can lift the block for a device from the admin screen",
            ],
            2m,
            CardClass.Standard),
        new(
            "Replace stored card numbers with acquirer network tokens",
            "We still keep encrypted card numbers for recurring payments, which keeps the whole customer database inside PCI DSS scope. Replace them with the network tokens our acquirer issues and delete the stored numbers once the migration has finished.",
            [
                "New recurring payments store only the acquirer token and last four digits",
                "A migration converts every existing stored card to a token or flags it for review",
                "A database scan finds no sixteen-digit card numbers after the migration",
            ],
            5m,
            CardClass.Risk),
        new(
            "Mask card numbers in application logs",
            "A support engineer found full card numbers in the request logs of the payments API last week, which is a PCI DSS breach. Mask every primary account number in log output so that only the first six and last four digits remain.",
            [
                "A logged request body shows card numbers as first six and last four digits",
                "A unit test feeds twenty card number formats through the log masker",
                "A log search for sixteen consecutive digits returns zero hits in staging",
            ],
            1m,
            CardClass.Risk),
        new(
            "Write an on-call runbook for acquirer outages",
            "When the acquirer went down last month the on-call engineer spent forty minutes finding its status page and escalation contact. Write a runbook that covers detection, failover to the backup acquirer and the message we send to merchants.",
            [
                "The runbook lists the acquirer status page and the escalation phone number",
                "The runbook gives the exact command to switch traffic to the backup acquirer",
                "A second engineer follows the runbook in a drill without asking for help",
            ],
            1m,
            CardClass.Standard),
        new(
            "Alert when the authorisation decline rate spikes",
            "A misconfigured merchant category code made a third of authorisations fail for two hours before anyone noticed. Add an alert that fires when the decline rate over fifteen minutes is twice the rate for the same hour last week.",
            [
                "The alert fires in staging when the decline rate is doubled artificially",
                "The alert message names the merchant with the largest rise in declines",
                "The alert pages the payments on-call rotation within five minutes",
            ],
            1.5m,
            CardClass.Standard),
        new(
            "Generate a monthly settlement statement per merchant",
            "Merchants ask support every month for a statement of what was settled and which fees were taken, and support builds it by hand. Generate a downloadable monthly statement per merchant listing settled payments, refunds, chargebacks and fees.",
            [
                "The statement total equals settled payments minus refunds, chargebacks and fees",
                "A merchant can download the statement as CSV from the dashboard",
                "Statements for the previous month are available by the second day of the month",
            ],
            3m,
            CardClass.Standard),
        new(
            "Handle chargeback notifications from the acquirer",
            "Chargebacks arrive by email today and are entered by hand, so some are missed and we lose those disputes by default. Consume the acquirer chargeback event, attach it to the original payment and notify the merchant with the response deadline.",
            [
                "A chargeback event creates a dispute record linked to the original payment",
                "The merchant receives an email with the dispute reason and response deadline",
                "A chargeback for an unknown payment is put on the exceptions queue",
            ],
            3m,
            CardClass.Standard),
        new(
            "Support the 3-D Secure challenge flow for card payments",
            "Strong customer authentication becomes mandatory for our European merchants at the end of the quarter, and issuers will decline payments that skip it. Add the 3-D Secure 2 challenge flow to card checkout before that date.",
            [
                "A payment that the issuer challenges redirects the customer to the challenge page",
                "A completed challenge resumes the payment and records the authentication result",
                "A failed challenge declines the payment and shows the reason to the customer",
            ],
            5m,
            CardClass.BusinessBlocker),
        new(
            "Void uncaptured authorisations after seven days",
            "Authorisations that are never captured keep funds on hold on the customer's card for weeks and lead to complaints to our merchants. Void every authorisation that has not been captured seven days after it was created.",
            [
                "An authorisation older than seven days is voided by the nightly job",
                "The merchant receives a webhook for each voided authorisation",
                "A captured authorisation is never voided by the nightly job",
            ],
            1m,
            CardClass.Standard),
        new(
            "Add timeouts and a circuit breaker around acquirer calls",
            "A slow acquirer response held our request threads for sixty seconds and took checkout down for every merchant. Add a five second timeout and a circuit breaker around acquirer calls so that one slow dependency cannot exhaust the thread pool.",
            [
                "An acquirer call that takes over five seconds is abandoned with a timeout error",
                "After ten consecutive failures the breaker opens for thirty seconds",
                "Checkout returns a retry message instead of hanging while the breaker is open",
            ],
            2m,
            CardClass.TechnicalBlocker),
        new(
            "Store ledger movements as balanced double entries",
            "The ledger stores single signed amounts, so finance cannot prove that money moving between accounts balances. Record every movement as a debit and a matching credit so that each account balance can be audited line by line.",
            [
                "Every ledger transaction has debits equal to credits to the cent",
                "A database constraint rejects an unbalanced ledger transaction",
                "Existing account balances are unchanged after migrating to the new format",
            ],
            4m,
            CardClass.Standard),
        new(
            "Skip acquirer webhook events that were already processed",
            "The acquirer delivers some events twice and we process both copies, which once recorded a refund payout twice. Store the id of every processed event and acknowledge repeated events without acting on them again.",
            [
                "An event with an already processed id is acknowledged without side effects",
                "Processed event ids are kept for at least thirty days",
                "Two copies of one event arriving at once create a single ledger entry",
            ],
            1m,
            CardClass.Standard),
        new(
            "Show refund progress to merchants in the dashboard",
            "Merchants cannot see whether a refund has reached the customer, so they call support to ask. Show each refund with its state (requested, sent to the acquirer, settled or failed) and the date and time of each change.",
            [
                "Each refund on the payment page shows its current state and timestamp",
                "A failed refund shows the acquirer reason code in plain words",
                "The refund list can be filtered by state and by date range",
            ],
            2m,
            CardClass.Standard),
        new(
            "Rotate acquirer API credentials without downtime",
            "The acquirer requires us to rotate API keys every ninety days, and the last rotation caused a ten minute payment outage. Support two active keys at once so that a new key can be deployed before the old one is revoked.",
            [
                "The service reads a primary and a secondary acquirer key from configuration",
                "Switching the primary key requires no restart of the service",
                "A rotation rehearsed in staging shows zero failed payment requests",
            ],
            2m,
            CardClass.TechnicalBlocker),
        new(
            "Warn on-call before payment TLS certificates expire",
            "The certificate for the webhook endpoint expired on a Sunday and merchant notifications failed for nine hours. Add monitoring that warns the on-call engineer thirty days and again seven days before any payments certificate expires.",
            [
                "An alert fires when a monitored certificate has less than thirty days left",
                "A second alert pages on-call when less than seven days remain",
                "Every public payments hostname is listed in the certificate monitor",
            ],
            0.5m,
            CardClass.Risk),
        new(
            "Publish payment lifecycle events to the data warehouse",
            "Analysts copy payment data from a read replica with ad hoc queries that slow it down during business hours. Publish payment lifecycle events to the warehouse stream so that reporting no longer touches the production database.",
            [
                "Every payment state change is published within one minute",
                "Published events contain no card numbers or card verification codes",
                "The warehouse payment count matches the ledger count for a sample day",
            ],
            2m,
            CardClass.Standard),
        new(
            "Add SEPA Direct Debit as a payment method",
            "Our largest prospective merchant will only sign if their customers can pay by SEPA Direct Debit from launch. Add mandate creation, debit collection and handling of the return codes that can arrive up to eight weeks after collection.",
            [
                "A customer can create a mandate with an IBAN and the account holder name",
                "A collection is submitted in the bank file on the agreed business day",
                "A returned debit reverses the ledger entry and notifies the merchant",
            ],
            5m,
            CardClass.BusinessBlocker),
        new(
            "Validate IBAN check digits when a mandate is created",
            "Mistyped IBANs are only discovered when the bank returns the collection several days later. Validate the length for the country and the mod-97 check digits as soon as the customer enters an IBAN, so typing mistakes are caught immediately.",
            [
                "An IBAN with a wrong check digit is refused with a clear message",
                "An IBAN with the wrong length for its country is refused",
                "Spaces and lowercase letters in a valid IBAN are accepted",
            ],
            0.5m,
            CardClass.Standard),
        new(
            "Limit refund velocity per merchant account",
            "A compromised merchant account issued forty refunds to one card in an hour before we noticed anything. Limit the number and total value of refunds per merchant per hour, with limits the risk team can configure.",
            [
                "A refund above the hourly count limit is refused with the limit in the error",
                "The risk team can change a merchant's limits without a deployment",
                "Every refused refund appears in the risk review queue",
            ],
            2m,
            CardClass.Standard),
        new(
            "Screen card payments against the sanctioned countries list",
            "Compliance requires that we refuse payments made with cards issued in sanctioned countries. Look up the issuing country from the card BIN and decline the payment when that country is on the list maintained by the compliance team.",
            [
                "A card issued in a listed country is declined before reaching the acquirer",
                "The compliance team can update the country list without a deployment",
                "Each declined payment is written to the compliance audit log",
            ],
            1.5m,
            CardClass.Standard),
        new(
            "Let support replay dead-lettered acquirer events",
            "Events that fail processing land in a dead-letter queue that only an engineer with database access can drain. Add an admin action that lets support replay a dead-lettered event once the cause of the failure has been resolved.",
            [
                "Support can list dead-lettered events with their failure reason",
                "Replaying an event processes it once and removes it from the queue",
                "Every replay is recorded with the support user and the time",
            ],
            1.5m,
            CardClass.Standard),
        new(
            "Write a load test for peak checkout traffic",
            "Black Friday traffic is expected to reach four times our current peak, and we have never measured how far the payment API scales. Write a repeatable load test that drives authorisations against a stubbed acquirer.",
            [
                "The test sustains 400 authorisations per second for fifteen minutes",
                "The report shows the 95th percentile latency for each endpoint",
                "The test runs from the pipeline with a single command",
            ],
            2m,
            CardClass.Standard),
        new(
            "Propagate one trace id through all payment services",
            "Following a single payment through the gateway, the ledger and the webhook sender means searching three log indexes by timestamp. Propagate one trace id through all services and write it on every log line they produce.",
            [
                "A payment's trace id appears in gateway, ledger and webhook logs",
                "The trace id is returned to the merchant in a response header",
                "Searching one trace id in the log tool returns the full payment journey",
            ],
            1m,
            CardClass.Standard),
        new(
            "Document the refund API error codes for merchants",
            "Merchant developers keep opening tickets about refund errors because the public documentation describes only the happy path. Document every refund endpoint with request and response examples and an explanation of each error code.",
            [
                "Each refund error code has a description and a suggested client action",
                "Every example request in the documentation runs against the sandbox unchanged",
                "The refund page links to the idempotency guide for refund retries",
            ],
            1m,
            CardClass.Standard),
        new(
            "Show the converted amount before the customer pays",
            "Customers paying in a foreign currency only learn the converted amount from their bank statement, which leads to disputes. Show the converted amount and the rate used on the checkout page before the customer confirms the payment.",
            [
                "The checkout page shows the amount in the customer's currency and the rate",
                "The charged amount equals the displayed amount to the minor unit",
                "The displayed rate is never older than fifteen minutes",
            ],
            2m,
            CardClass.Standard),
        new(
            "Fetch daily exchange rates from the central bank feed",
            "Exchange rates are updated by hand in a configuration file once a week, so our conversions drift away from market rates. Fetch the reference rates from the central bank feed every business day and keep the history for audits.",
            [
                "New rates are stored by 17:00 CET on each business day",
                "A failed fetch keeps the previous rates and raises an alert",
                "The rate used for any past conversion can be looked up by date",
            ],
            1.5m,
            CardClass.Standard),
        new(
            "Retire the legacy SOAP payment endpoint",
            "The legacy SOAP endpoint still serves two merchants and needs its own TLS configuration and a separate deployment pipeline. Move the remaining merchants to the REST API, then remove the SOAP service and its infrastructure.",
            [
                "Both remaining merchants process payments through the REST API for a week",
                "The SOAP service and its load balancer rule are deleted",
                "Requests to the old SOAP address return HTTP 410 with a link to the REST documentation",
            ],
            3m,
            CardClass.Standard),
        new(
            "Upgrade the payments database to PostgreSQL 16",
            "Our PostgreSQL 12 cluster reaches end of life this quarter and the hosting provider will stop patching it. Upgrade the payments database to version 16 with a rehearsed plan and a rollback that has been tested.",
            [
                "The upgrade is rehearsed on a copy of production with timings recorded",
                "Write downtime during the production upgrade stays under five minutes",
                "A rollback to the old cluster is rehearsed and takes under fifteen minutes",
            ],
            3m,
            CardClass.TechnicalBlocker),
        new(
            "Let merchants cancel a payment before capture",
            "Merchants whose orders are cancelled before shipping currently have to wait days for the authorisation to lapse. Add a cancel endpoint that voids the authorisation and releases the held funds on the customer's card straight away.",
            [
                "Cancelling an authorised payment releases the hold at the acquirer",
                "Cancelling an already captured payment is refused with a clear error",
                "The merchant receives a payment.cancelled webhook after each cancellation",
            ],
            1m,
            CardClass.Standard),
        new(
            "Offer weekly and monthly payout schedules",
            "All merchants are paid out daily, but several smaller merchants want weekly payouts to reduce their bank fees. Allow a daily, weekly or monthly payout schedule per merchant and batch their settled funds to match it.",
            [
                "A weekly merchant receives one payout every Monday for the previous week",
                "A change of schedule takes effect from the next payout period",
                "The payout amount equals the settled funds minus fees for the period",
            ],
            3m,
            CardClass.Standard),
        new(
            "Alert when the acquirer settlement file is late",
            "Twice this year the acquirer failed to deliver the settlement file and nobody noticed for three days, which delayed merchant payouts. Raise an alert when the expected daily file has not arrived by ten in the morning.",
            [
                "An alert fires when no settlement file has arrived by 10:00",
                "The alert includes the expected file name and the acquirer contact",
                "A late file that arrives after the alert closes the alert automatically",
            ],
            0.5m,
            CardClass.Standard),
        new(
            "Add address verification to card authorisations",
            "Fraud analysts cannot see whether the billing address matched when they review disputed payments. Send the billing address for verification with each authorisation and store the match result returned by the acquirer.",
            [
                "Each authorisation stores the address and postcode match results",
                "Fraud analysts see both match results on the payment detail page",
                "Merchants can choose to decline payments whose postcode does not match",
            ],
            1.5m,
            CardClass.Standard),
        new(
            "Create a postmortem template for payment incidents",
            "Incident reviews after payment outages vary from a paragraph to ten pages and rarely record the money at stake. Write a postmortem template that captures the timeline, affected payments, financial impact and follow-up actions.",
            [
                "The template has sections for timeline, impact, causes and actions",
                "The template asks for the count and value of affected payments",
                "The last two incidents are rewritten with the template as examples",
            ],
            0.5m,
            CardClass.Standard),
        new(
            "Provide a sandbox environment for merchant integration",
            "Merchant developers test against production with tiny real payments because we offer no sandbox. Provide a sandbox with a simulated acquirer, published test card numbers and the same API as production.",
            [
                "Test card numbers produce approval, decline and challenge outcomes on demand",
                "Sandbox keys are refused by production and production keys by the sandbox",
                "No request made in the sandbox reaches the real acquirer",
            ],
            4m,
            CardClass.Standard),
        new(
            "Encrypt merchant bank account numbers at rest",
            "Merchant bank account numbers are stored in plain text in the payouts table and can be read by anyone with database read access. Encrypt them with a key held in the key vault and allow only the payout service to decrypt.",
            [
                "The payouts table holds only ciphertext for bank account numbers",
                "Only the payout service identity can call the decrypt operation",
                "A payout run after the change pays every merchant the same amount as before",
            ],
            2m,
            CardClass.Standard),
        new(
            "Resend payouts rejected for temporary bank errors",
            "Payouts rejected by the bank for temporary reasons, such as a missed cut-off time, stay failed until someone resends them by hand. Resend them automatically on the next banking day and escalate permanent rejections to finance.",
            [
                "A payout rejected with a temporary reason code is resent the next banking day",
                "A payout rejected with a permanent reason code goes to the finance queue",
                "No payout is sent more than once for the same period",
            ],
            1.5m,
            CardClass.Standard),
        new(
            "Remove stale feature flags from the checkout service",
            "The checkout service carries twenty-three feature flags, eleven of which have been switched on for over six months and make the code hard to follow. Remove the flags that are permanently on, together with their unused branches.",
            [
                "Every flag switched on for six months or longer is removed from code",
                "The flag service lists no unused flags owned by checkout",
                "The checkout test suite passes with no flag overrides",
            ],
            1m,
            CardClass.Standard),
    ];
}
