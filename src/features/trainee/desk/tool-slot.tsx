import { Suspense, memo, useMemo } from 'react';
import type { Lang } from '../../../domain/text';
import type { Person } from '../../../domain/types';
import type { CaseData } from '../../../engine/run/case-data';
import type { SendResult } from '../../../engine/run/run';
import { RouteLoading } from '../../../ui/route-loading';
import { toolRegistry } from '../tools/tool-registry';
import type { ToolEvent, ToolSnapshot } from '../tools/tool-props';

/** The current task's tool, from the registry by workflow id, loaded on demand. */
export const ToolSlot = memo(function ToolSlot(props: {
  workflowId: string;
  snapshot: unknown;
  send: (event: ToolEvent) => SendResult;
  lang: Lang;
  patient: Person | undefined;
  data: CaseData;
  now: string;
  practice: boolean;
  loading: string;
}) {
  const raw = props.snapshot as { value?: unknown; context?: unknown; status?: unknown } | undefined;
  const snapshot = useMemo<ToolSnapshot>(
    () => ({ value: raw?.value, context: raw?.context, status: typeof raw?.status === 'string' ? raw.status : 'active' }),
    [raw],
  );
  const Tool = Object.hasOwn(toolRegistry, props.workflowId) ? toolRegistry[props.workflowId] : undefined;
  if (!Tool || !props.patient) return null;
  return (
    <div className="tool">
      <Suspense fallback={<RouteLoading label={props.loading} />}>
        <Tool
          snapshot={snapshot}
          send={props.send}
          lang={props.lang}
          patient={props.patient}
          people={props.data.people}
          clinic={props.data.clinic}
          today={props.data.today}
          now={props.now}
          practice={props.practice}
        />
      </Suspense>
    </div>
  );
});
