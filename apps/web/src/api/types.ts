// The API's answers as the web app reads them (apps/api/src/**/dto). The vocabularies come from libs/domain,
// shared with the API, so a new stage or status shows up here as a type error, not as a blank label.
import type {
  DeadlineKind,
  DeadlineStatus,
  NotaStage,
  NotaStatus,
  PostponementStatus,
  Role,
  TaskStatus,
  TaskType,
} from '@notaflow/domain';

export interface Profile {
  username: string;
  displayName: string;
  role: Role;
  organisation: string;
}

export interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
  idToken?: string;
}

export interface OidcClientConfig {
  issuer: string;
  authorizationEndpoint: string;
  endSessionEndpoint?: string;
  clientId: string;
  scopes: string[];
  codeChallengeMethod: 'S256';
  tokenPath: string;
}

export interface AuthConfig {
  mode: 'demo' | 'oidc';
  oidc?: OidcClientConfig | null;
}

export interface Route {
  reviewers: string[];
  decider: string;
  coSigners: string[];
  ministerraad: boolean;
}

export interface Task {
  id: string;
  notaId: string;
  onsKenmerk: string;
  title: string;
  type: TaskType;
  stage: NotaStage;
  organisation: string;
  assignee: string | null;
  status: TaskStatus;
  version: number;
  dueAt: string;
  createdAt: string;
  meetingOn: string | null;
  decision: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  remarks: string | null;
}

export interface HistoryEvent {
  seq: number;
  at: string;
  type: string;
  actor: string | null;
  organisation: string | null;
  stage: NotaStage | null;
  decision: string | null;
  remarks: string | null;
  taskId: string | null;
  data: Record<string, unknown> | null;
}

export interface NotaVersion {
  version: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

export interface NotaSummary {
  id: string;
  onsKenmerk: string;
  title: string;
  dossier: string | null;
  uwKenmerk: string | null;
  dueOn: string | null;
  organisation: string;
  createdBy: string;
  status: NotaStatus;
  stage: NotaStage | null;
  version: number;
  route: Route;
  workflowId: string | null;
  createdAt: string;
  submittedAt: string | null;
  dispatchedAt?: string;
  kamerstuk?: { dossier: string; number: number; vergaderjaar: string };
}

export interface Nota extends NotaSummary {
  openTasks: Task[];
  /** Every task the caller may see, open and closed. */
  tasks: Task[];
  history: HistoryEvent[];
  versions: NotaVersion[];
}

export interface DecisionResult {
  task: Task;
  nota: { status: NotaStatus; stage: NotaStage | null; version: number };
}

export interface Postponement {
  id: string;
  deadlineId: string;
  status: PostponementStatus;
  requestedDueOn: string;
  reason: string;
  notaId: string | null;
  newDueOn: string | null;
  requestedBy: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface Deadline {
  id: string;
  kind: DeadlineKind;
  title: string;
  dueOn: string;
  originalDueOn: string;
  dossier: string | null;
  notaId: string | null;
  recurrence: string | null;
  previousId: string | null;
  status: DeadlineStatus;
  organisation: string;
  reminderLeadWorkingDays: number[];
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface DeadlineDetail extends Deadline {
  postponements: Postponement[];
}

export interface CalendarFeed {
  id: string;
  name: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedCalendarFeed {
  id: string;
  name: string | null;
  url: string;
  webcalUrl: string;
  createdAt: string;
}

export interface Notification {
  id: string;
  kind: string;
  notaId: string | null;
  taskId: string | null;
  subject: string;
  body: string;
  recipientUsername: string | null;
  recipientOrganisation: string | null;
  createdAt: string;
  readAt: string | null;
}

export type TurnaroundGroupBy = 'stage' | 'organisation' | 'month';

export interface TurnaroundGroup {
  key: string;
  kind: 'task' | 'changes_requested';
  count: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
  meanSeconds: number | null;
  p50WorkingDays: number | null;
  p90WorkingDays: number | null;
  meanWorkingDays: number | null;
  overdueCount: number;
  onTimeRate: number | null;
}

export interface Turnaround {
  from: string;
  to: string;
  groupBy: TurnaroundGroupBy;
  groups: TurnaroundGroup[];
}

export interface OverdueItem {
  kind: 'task' | 'deadline';
  id: string;
  type: string;
  title: string;
  notaId: string | null;
  onsKenmerk: string | null;
  dossier: string | null;
  stage: string | null;
  organisation: string;
  assignee: string | null;
  holder: string;
  dueOn: string;
  dueAt: string;
  overdue: boolean;
  workingDaysLeft: number | null;
}

export interface Overdue {
  asOf: string;
  dueBy: string;
  items: OverdueItem[];
}

export interface CalendarPeriod {
  id: string;
  name: string;
  fromOn: string;
  toOn: string;
}
