import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { RouterLink } from '../components/RouterLink';
import { usePageTitle } from '../lib/page-title';

export function NotFoundPage({ what = 'Deze pagina' }: { what?: string }) {
  usePageTitle('Niet gevonden');
  return (
    <>
      <Heading level={1}>Niet gevonden</Heading>
      <Paragraph>{what} bestaat niet, of u mag haar niet inzien.</Paragraph>
      <Paragraph>
        <RouterLink to="/">Naar de startpagina</RouterLink>
      </Paragraph>
    </>
  );
}
