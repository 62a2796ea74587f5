// The API's answers by the names the pages use. Their shapes are generated from the API's OpenAPI document
// (schema.gen.ts, `npm run generate:api`): a field the API adds, renames or retypes shows up here by itself.
import type { components } from './schema.gen';

type Schemas = components['schemas'];

export type Profile = Schemas['ProfileDto'];
/** What both sign-ins answer: the demo's token, or the identity provider's with its id token. */
export type TokenAnswer = Schemas['OidcTokenDto'];
export type AuthConfig = Schemas['AuthConfigDto'];
export type Organisation = Schemas['OrganisationDto'];

export type Route = Schemas['RouteDto'];
export type Task = Schemas['TaskDto'];
export type HistoryEvent = Schemas['HistoryEventDto'];
export type CreateNotaRequest = Schemas['CreateNotaDto'];
export type NotaSummary = Schemas['NotaSummaryDto'];
export type Nota = Schemas['NotaDto'];
export type DecisionResult = Schemas['DecisionResultDto'];
export type DecisionRequest = Schemas['DecisionDto'];

export type NotaDocument = Schemas['DocumentDto'];
export type DocumentRole = NotaDocument['role'];
export type BeslisnotaRequest = Schemas['BeslisnotaDto'];
export type Toelichtingen = Schemas['ToelichtingenDto'];
export type Changes = Schemas['ChangesDto'];
export type TextChange = Schemas['TextChangeDto'];

export type CreateDeadlineRequest = Schemas['CreateDeadlineDto'];
export type Deadline = Schemas['DeadlineDto'];
export type DeadlineDetail = Schemas['DeadlineDetailDto'];
export type Postponement = Schemas['PostponementDto'];
export type Anchor = Schemas['AnchorDto'];
export type AnchorEvent = Anchor['event'];
export type ExtensionNotice = Schemas['ExtensionNoticeDto'];
export type CalendarPeriod = Schemas['CalendarPeriodDto'];
export type CalendarFeed = Schemas['CalendarFeedDto'];
export type CreatedCalendarFeed = Schemas['CreatedCalendarFeedDto'];
export type Notification = Schemas['NotificationDto'];

export type Turnaround = Schemas['TurnaroundDto'];
export type TurnaroundGroup = Schemas['TurnaroundGroupDto'];
export type TurnaroundGroupBy = Turnaround['groupBy'];
export type Overdue = Schemas['OverdueDto'];
