import {
  ROLE_LABELS,
  STAGE_LABELS,
  type FieldErrorCode,
  type NotaStage,
  type ProblemCode,
  type Role,
} from '@notaflow/domain';
import { formatDay } from './dates';

/**
 * What each refusal of the API means to the user, by its code. A Record over every code: a code added to
 * libs/domain is a type error here until it has its words.
 */
export const PROBLEM_MESSAGES: Readonly<Record<ProblemCode, string>> = {
  validation_failed: 'Niet alle gegevens zijn juist ingevuld.',
  route_not_found: 'Dit is niet (meer) te vinden.',
  method_not_allowed: 'Deze handeling kan hier niet.',
  not_acceptable: 'De server kan dit niet leveren in de gevraagde vorm.',
  payload_too_large: 'Wat u verstuurt is te groot.',
  unsupported_media_type: 'Dit soort bestand of gegevens neemt de server niet aan.',
  too_many_requests: 'Te veel verzoeken kort na elkaar. Wacht even en probeer het opnieuw.',
  uri_too_long: 'Het adres van dit verzoek is te lang.',
  request_header_fields_too_large: 'Het adres of de kopregels van dit verzoek zijn te lang.',
  unavailable: 'De dienst is tijdelijk niet beschikbaar. Probeer het zo opnieuw.',
  flow_timeout:
    'De verwerking duurt langer dan verwacht; uw besluit kan alsnog zijn vastgelegd. Vernieuw de pagina voordat u het opnieuw probeert.',
  internal_error: 'Er ging iets mis aan de kant van de server. Probeer het opnieuw.',

  token_missing: 'U bent niet (meer) aangemeld.',
  token_invalid: 'U bent niet (meer) aangemeld.',
  token_expired: 'Uw sessie is verlopen. Meld u opnieuw aan.',
  wrong_credentials: 'De gebruikersnaam of het wachtwoord klopt niet.',
  sign_in_locked: 'Te veel mislukte pogingen om aan te melden. Wacht even en probeer het opnieuw.',
  sign_in_refused: 'De aanmelding is geweigerd.',
  role_not_allowed: 'U mag dit niet doen met uw rol of organisatie.',
  token_claims_unfit: 'Uw account mist een rol of organisatie. Vraag functioneel beheer om hulp.',
  organisation_unknown: 'Uw organisatie is niet bekend in notaflow. Vraag functioneel beheer om hulp.',
  user_unknown: 'Deze gebruiker is niet bekend.',
  demo_sign_in_off: 'Aanmelden met een demo-gebruiker staat uit.',
  oidc_sign_in_off: 'Aanmelden via de identiteitsprovider staat uit.',
  identity_conflict:
    'Uw gebruikersnaam is in notaflow al van een ander account. Vraag functioneel beheer om uw account te koppelen.',
  mfa_required: 'Meld u opnieuw aan met een tweede factor (bijvoorbeeld een code of sleutel).',
  user_deactivated: 'Uw account is gedeactiveerd in notaflow. Vraag functioneel beheer om hulp.',

  nota_not_found: 'Deze nota is niet (meer) te vinden.',
  nota_not_visible: 'Deze nota hoort bij een andere organisatie.',
  nota_not_managed: 'Alleen de directie die de nota opstelde kan dit doen.',
  nota_already_submitted: 'Deze nota is al ingediend.',
  nota_not_awaiting_version: 'Voor deze nota is geen nieuwe versie gevraagd.',
  nota_closed: 'Deze nota is afgerond; er kan niets meer aan veranderen.',
  nota_changed: 'Dit kan niet meer: de nota is intussen veranderd. Vernieuw de pagina.',
  flow_ended: 'De route van deze nota is al beëindigd.',
  kamerstuk_before_dispatch: 'Het Kamerstuknummer kan pas worden vastgelegd als de nota is verzonden.',
  kamerstuk_already_recorded: 'Het Kamerstuknummer is al vastgelegd.',
  kamerstuk_taken: 'Dit Kamerstuk (dossier en nummer) hoort al bij een andere nota.',
  idempotency_key_reused:
    'Deze registratie is al eerder verstuurd, met andere gegevens. Vernieuw de pagina en registreer de nota opnieuw.',

  task_not_found: 'Deze taak is niet (meer) te vinden.',
  task_not_open: 'Dit kan niet meer: de taak is intussen afgehandeld of vervallen.',
  task_not_holder: 'Deze taak ligt niet bij u.',
  task_not_personal: 'Deze taak hoort bij een ministerie of rol en kan niet aan één persoon worden overgedragen.',

  deadline_not_found: 'Deze termijn is niet (meer) te vinden.',
  deadline_not_own: 'Deze termijn hoort bij een andere organisatie.',
  deadline_closed: 'Deze termijn is al afgesloten.',
  postponement_not_found: 'Dit uitstelverzoek is niet (meer) te vinden.',
  postponement_pending: 'Voor deze termijn loopt al een uitstelverzoek.',
  postponement_decided: 'Over dit uitstelverzoek is al besloten.',
  deadline_not_extendable: 'Deze termijn heeft geen standaardtermijn die met een bericht wordt verlengd.',
  deadline_already_extended: 'Deze termijn is al eens verlengd; dat kan maar één keer.',
  extension_notice_too_late:
    'Het bericht kwam na afloop van de eerste termijn en verlengt die niet meer. De termijn is verstreken.',

  calendar_period_not_found: 'Deze periode is niet (meer) te vinden.',
  calendar_period_overlap: 'Deze periode overlapt met een periode die er al is.',
  equated_day_exists: 'Deze dag is al met een feestdag gelijkgesteld.',
  equated_day_not_found: 'Deze dag staat niet (meer) bij de gelijkgestelde dagen.',
  ministerraad_meeting_exists: 'Op die dag vergadert de ministerraad al.',
  ministerraad_meeting_not_found: 'Deze vergadering is niet (meer) te vinden.',
  kamer_event_overlap: 'Dit overlapt met een gebeurtenis van dezelfde soort die er al is.',
  kamer_event_not_found: 'Deze gebeurtenis is niet (meer) te vinden.',

  calendar_feed_not_found: 'Dit abonnement is niet (meer) te vinden.',
  calendar_feed_limit: 'U heeft het hoogste aantal abonnementen. Trek er eerst een in.',
  calendar_feed_token_invalid: 'Dit abonnementsadres werkt niet (meer).',

  notification_not_found: 'Deze melding is niet (meer) te vinden.',

  document_not_found: 'Dit document is niet (meer) te vinden.',
  document_missing: 'Deze versie heeft nog geen notadocument. Voeg eerst de nota toe (uploaden of schrijven).',
  stale_version:
    'De nota is intussen gewijzigd: u besliste op een oudere versie. Lees de nieuwe versie en de wijzigingen, en besluit opnieuw.',
  version_sealed: 'Deze versie is al ingediend; de documenten ervan veranderen niet meer.',
  version_not_found: 'Deze versie van de nota bestaat (nog) niet.',
  document_encrypted:
    'Dit PDF-bestand is beveiligd met een wachtwoord. Haal de beveiliging eraf en probeer het opnieuw.',
  document_not_comparable: 'Van dit document kan de tekst niet worden vergeleken (alleen PDF en DOCX).',
  nota_not_dispatched: 'Het verzendpakket bestaat pas als de nota aan de Kamer is verzonden.',
  integrity_error:
    'Dit document is beschadigd in de opslag en wordt daarom niet getoond. Functioneel beheer is gewaarschuwd.',
};

export type FieldParams = Readonly<Record<string, string | number>>;

/** A parameter as text, or undefined when the API did not send it. */
function param(params: FieldParams, name: string): string | undefined {
  const value = params[name];
  return value === undefined ? undefined : String(value);
}

function day(params: FieldParams, name: string): string | undefined {
  const value = param(params, name);
  return value === undefined ? undefined : formatDay(value);
}

function roleName(role: string | undefined): string | undefined {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as Role].toLowerCase() : undefined;
}

/**
 * What the user should do about one field, by the field error's code and its params (validation.ts and the services
 * in apps/api say which params each code carries). Every code has words, with or without its params.
 */
export const FIELD_MESSAGES: Readonly<Record<FieldErrorCode, (params: FieldParams) => string>> = {
  required: () => 'Vul dit veld in.',
  unknown_field: () => 'Dit veld kent de server niet.',
  not_text: () => 'Vul hier tekst in.',
  not_integer: () => 'Vul een geheel getal in.',
  not_number: () => 'Vul een getal in.',
  not_boolean: () => 'Kies ja of nee.',
  not_array: () => 'Hier hoort een lijst.',
  not_object: () => 'Dit onderdeel is niet volledig ingevuld.',
  too_short: (p) => (p.min === undefined ? 'Dit is te kort.' : `Gebruik minstens ${p.min} tekens.`),
  too_long: (p) => (p.max === undefined ? 'Dit is te lang.' : `Gebruik hoogstens ${p.max} tekens.`),
  too_small: (p) => (p.min === undefined ? 'Dit getal is te klein.' : `Vul ${p.min} of meer in.`),
  too_large: (p) => (p.max === undefined ? 'Dit getal is te groot.' : `Vul ${p.max} of minder in.`),
  out_of_range: (p) =>
    p.min === undefined || p.max === undefined
      ? 'Dit getal valt buiten het toegestane bereik.'
      : `Vul een geheel getal van ${p.min} tot en met ${p.max} in.`,
  too_few: (p) => (p.min === undefined ? 'Kies er meer.' : `Kies er minstens ${p.min}.`),
  too_many: (p) => (p.max === undefined ? 'Kies er minder.' : `Kies er hoogstens ${p.max}.`),
  not_one_of: (p) => (p.allowed === undefined ? 'Kies een van de mogelijkheden.' : `Kies een van: ${p.allowed}.`),
  bad_format: () => 'Dit is niet in de juiste vorm ingevuld.',
  not_a_date: () => 'Vul een bestaande datum in.',
  date_out_of_range: () => 'Deze datum ligt te ver weg.',
  not_a_period: () => 'Vul een periode in zoals P1Y (jaarlijks) of P3M (elk kwartaal).',
  unstorable_text: () => 'Deze tekst bevat tekens die niet kunnen worden opgeslagen.',
  invalid_json: () => 'Het verzoek kon niet worden gelezen. Probeer het opnieuw.',
  too_deep: () => 'Het verzoek is te diep genest om te lezen.',
  empty_file: () => 'Dit bestand is leeg. Kies het juiste bestand.',
  incomplete_upload: () => 'Het uploaden werd onderbroken. Probeer het opnieuw.',
  duplicate: (p) => (p.value === undefined ? 'Noem ieder één keer.' : `${p.value} staat er twee keer in.`),
  unknown_user: (p) =>
    p.value === undefined ? 'Dit is geen bekende gebruiker.' : `${p.value} is geen bekende gebruiker.`,
  wrong_role: (p) => {
    const role = roleName(param(p, 'role'));
    const who = param(p, 'value') ?? 'Deze gebruiker';
    return role ? `${who} is geen ${role}.` : `${who} heeft hiervoor niet de juiste rol.`;
  },
  current_holder: (p) => `${param(p, 'value') ?? 'Deze gebruiker'} heeft deze taak al.`,
  other_organisation: (p) =>
    `${param(p, 'value') ?? 'Deze gebruiker'} hoort niet bij ${param(p, 'organisation') ?? 'uw organisatie'}.`,
  unknown_ministry: (p) =>
    p.value === undefined ? 'Dit is geen bekend ministerie.' : `${p.value} is geen bekend ministerie.`,
  does_not_co_sign: (p) => `${param(p, 'value') ?? 'Dit ministerie'} ondertekent niet mee.`,
  own_ministry: (p) => `${param(p, 'value') ?? 'Dit'} is het eigen ministerie van de nota.`,
  unknown_nota: () => 'Deze nota is niet te vinden.',
  decision_not_allowed: () => 'Dit besluit hoort niet bij deze taak.',
  only_with_hold: () => 'Een vergadering kiest u alleen bij aanhouden.',
  only_with_granted: () => 'Een nieuwe datum hoort alleen bij toegekend uitstel.',
  not_after_today: () => 'Kies een datum na vandaag.',
  not_after_current_due: (p) => {
    const current = day(p, 'value');
    return current ? `Kies een datum na de huidige termijn (${current}).` : 'Kies een datum na de huidige termijn.';
  },
  not_after_current_meeting: () => 'Kies een vergadering na de huidige.',
  not_a_meeting_day: () => 'Op die dag vergadert de ministerraad niet. Kies een vrijdag buiten het reces.',
  before_start: () => 'De einddatum ligt vóór de begindatum.',
  after_end: () => 'De begindatum ligt na de einddatum.',
  outside_period: (p) => {
    const from = day(p, 'from');
    const to = day(p, 'to');
    return from && to ? `Kies een datum van ${from} tot en met ${to}.` : 'Kies een datum binnen de bekende jaren.';
  },
  preset_incomplete: () => 'Vul bij een standaardtermijn ook de datum van ontvangst in.',
  preset_mismatch: (p) => {
    const computed = day(p, 'value');
    return computed
      ? `Deze datum wijkt af van de standaardtermijn (${computed}).`
      : 'Deze datum wijkt af van de standaardtermijn.';
  },
  no_meeting_to_plan_on: () => 'Er is geen vergadering van de ministerraad om op te plannen.',
  bad_host: () => 'Het adres van de server is niet juist.',
  stage_without_participants: () => 'Deze fase heeft geen deelnemers in de route. Laat haar weg of vul ze in.',
  dispatch_not_last: () => 'Verzending is altijd de laatste fase.',
  stage_missing: (p) => {
    const stage = param(p, 'value');
    return stage && stage in STAGE_LABELS
      ? `De fase ${STAGE_LABELS[stage as NotaStage].toLowerCase()} ontbreekt in de volgorde.`
      : 'Er ontbreekt een fase in de volgorde.';
  },
  not_a_working_day: () => 'Die dag telt al niet mee (weekend of feestdag). Kies een werkdag.',
  only_with_begrotingsbehandeling: () => 'Een ministerie hoort alleen bij een begrotingsbehandeling.',
  conflicts_with: (p) =>
    p.field === undefined ? 'Vul maar één van beide in.' : `Vul dit óf ${String(p.field)} in, niet allebei.`,
  anchor_ambiguous: () => 'Er zijn in dat jaar twee van deze gebeurtenissen. Kies het vergaderjaar.',
  before_receipt: () => 'Deze datum ligt vóór de ontvangst.',
  extension_fixed: () => 'Een uitstelbericht verlengt de termijn altijd met drie weken.',
  in_the_future: () => 'Deze datum ligt na vandaag.',
  not_a_co_signer: (p) => `${param(p, 'value') ?? 'Dit ministerie'} ondertekent deze nota niet mee.`,
};

/**
 * Where a field says more than its code alone: the form a Kamerstukdossier or a kenmerk takes, what a repeated
 * entry is. Keyed by the field's name without positions (`route.reviewers[1]` -> `route.reviewers`).
 */
export const FIELD_SPECIFIC_MESSAGES: Readonly<Record<string, Partial<Record<FieldErrorCode, string>>>> = {
  dossier: { bad_format: 'Vul een Kamerstukdossiernummer in, zoals 28 638.' },
  uwKenmerk: {
    bad_format: 'Vul het kenmerk van de Kamer in zoals 2023Z13980/2023D36886 (of één van beide delen).',
  },
  'route.reviewers': { duplicate: 'Noem iedere parafeerder één keer.' },
  'route.coSigners': { duplicate: 'Noem ieder ministerie één keer.', bad_format: 'Kies ministeries zoals VWS.' },
  nextMeeting: { not_after_today: 'Kies een vergaderdatum na vandaag.' },
};
