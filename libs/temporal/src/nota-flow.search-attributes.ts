import { SearchAttributeType, defineSearchAttributeKey, type SearchAttributePair } from '@temporalio/common';
import type { NotaStage } from '@notaflow/domain';

/**
 * What an operator looks a nota's flow up by in the Temporal Web UI or CLI (`OnsKenmerk = "5552554"`): keywords,
 * exact values. Every server the flows run on registers them (the dev server at launch, the cluster and
 * docker-compose at set-up); a flow that sets one the server does not know fails its workflow task.
 */
export const ONS_KENMERK_ATTRIBUTE = defineSearchAttributeKey('OnsKenmerk', SearchAttributeType.KEYWORD);
export const ORGANISATION_ATTRIBUTE = defineSearchAttributeKey('Organisation', SearchAttributeType.KEYWORD);
/** The stage the flow is in (`co-signing`, ..., `done`); changed by the flow as it moves on. */
export const STAGE_ATTRIBUTE = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);

/** The names to register, in the order the deployment files list them. */
export const NOTA_FLOW_SEARCH_ATTRIBUTES: readonly string[] = [
  ONS_KENMERK_ATTRIBUTE,
  ORGANISATION_ATTRIBUTE,
  STAGE_ATTRIBUTE,
].map((key) => key.name);

/** The flow's search attributes in a stage: set at its start, and again by the flow at each stage it enters. */
export function notaFlowSearchAttributes(
  flow: { onsKenmerk: string; organisation: string },
  stage: NotaStage,
): SearchAttributePair[] {
  return [
    { key: ONS_KENMERK_ATTRIBUTE, value: flow.onsKenmerk },
    { key: ORGANISATION_ATTRIBUTE, value: flow.organisation },
    { key: STAGE_ATTRIBUTE, value: stage },
  ];
}
