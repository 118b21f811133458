import { ImportForm } from './ImportForm';

export default function ImportPage() {
  return <ImportForm />;
}
