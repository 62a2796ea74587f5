import { UW_KENMERK_PATTERN } from './nota';
import { buildRouteTemplate, firstStage, routeChoiceOf } from './route';

describe(buildRouteTemplate.name, () => {
  const choice = {
    reviewers: ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'],
    decider: 'jenv.bewindspersoon',
    coSigners: ['VWS', 'BZ', 'BHO', 'SZW'],
    ministerraad: true,
  };

  it('orders the stages of the design card, each with its service level', () => {
    const sut = buildRouteTemplate(choice);
    expect(sut.stages.map((s) => s.stage)).toEqual([
      'initialling',
      'decision',
      'co-signing',
      'ministerraad',
      'dispatch',
    ]);
    expect(sut.stages[0]).toMatchObject({ slaWorkingDays: 2, reviewers: choice.reviewers });
    expect(sut.coSignersReapproveAfterNewVersion).toBe(true);
  });

  it('leaves out the stages a route does not have', () => {
    const sut = buildRouteTemplate({ ...choice, reviewers: [], coSigners: [], ministerraad: false });
    expect(sut.stages.map((s) => s.stage)).toEqual(['decision', 'dispatch']);
    expect(firstStage(sut)).toBe('decision');
  });

  it('reads back as the choice it was built from', () => {
    expect(routeChoiceOf(buildRouteTemplate(choice))).toEqual({ ...choice, coSignersReapproveAfterNewVersion: true });
  });

  it('copies the lists: a later change to the choice does not reach the snapshot', () => {
    const reviewers = ['jenv.dg'];
    const sut = buildRouteTemplate({ ...choice, reviewers });
    reviewers.push('jenv.directeur');
    expect(routeChoiceOf(sut).reviewers).toEqual(['jenv.dg']);
  });
});

describe('UW_KENMERK_PATTERN', () => {
  it.each(['2023Z13980/2023D36886', '2023Z13980', '2023D36886'])('accepts %s', (value) => {
    expect(UW_KENMERK_PATTERN.test(value)).toBe(true);
  });
  it.each(['2023D36886/2023Z13980', '2023Z1398', '23Z13980', '2023Z13980/', '2023-13980'])('refuses %s', (value) => {
    expect(UW_KENMERK_PATTERN.test(value)).toBe(false);
  });
});
