import { lazyLoadGroups, pluginOnlyChunks } from './frontendChunks';

describe('frontend chunk attribution', () => {
  it('reads the chunks each dynamic import of a bundle loads together', () => {
    const code =
      'a=()=>Promise.all([t.e("5431"),t.e("1086"),t.e("8091")]).then(t.bind(t,1));' +
      'b=()=>n.e("782").then(n.bind(n,2));c=Promise.all([x(),y()]);';
    expect(lazyLoadGroups(code)).toEqual([['5431', '1086', '8091'], ['782']]);
  });

  it('counts the plugin chunks and the chunks only its imports load', () => {
    const groups = [
      ['5431', '1086', '8091'], // plugin page: shared layout, charts, page
      ['5431', '9000'], // another plugin's page
      ['782'], // plugin card
    ];
    expect(pluginOnlyChunks(groups, new Set(['8091', '782']))).toEqual({
      own: ['782', '8091'],
      onlyForPlugin: ['1086'],
    });
  });
});
