import type { NotaStage, NotaStatus } from '@notaflow/domain';
import { STAGE_LABELS, STATUS_LABELS } from '../lib/labels';

const TONE: Record<NotaStatus, string> = {
  draft: 'neutral',
  in_review: 'info',
  changes_requested: 'soon',
  rejected: 'overdue',
  withdrawn: 'neutral',
  dispatched: 'done',
};

/** Where a nota stands: its status and, while it is on its way, the stage. */
export function StatusTag({ status, stage }: { status: NotaStatus; stage: NotaStage | null }) {
  const text = status === 'in_review' && stage ? STAGE_LABELS[stage] : STATUS_LABELS[status];
  return <span className={`nf-tag nf-tag--${TONE[status]}`}>{text}</span>;
}
