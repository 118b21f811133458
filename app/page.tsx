import { Suspense } from 'react';
import { DatasetsView } from './datasets/DatasetsView';

export default function HomePage() {
  return (
    <Suspense>
      <DatasetsView />
    </Suspense>
  );
}
