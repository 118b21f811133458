import { Suspense } from 'react';
import { WorkbenchView } from './WorkbenchView';

export default function WorkbenchPage() {
  return (
    <Suspense>
      <WorkbenchView />
    </Suspense>
  );
}
