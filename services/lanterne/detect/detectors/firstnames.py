"""Common French given names, folded (lower case, no accents): the gazetteer behind "Prénom NOM" detection.

A capitalised word followed by a word in capitals is a name only if the first word is a given name ("Brigitte
MOREL", not "Pôle MÉDECINE"); no permissively licensed package ships French given names (gender-guesser is GPL,
names-dataset weighs tens of megabytes), so the most frequent ones of the last century's births (INSEE's
"fichier des prénoms" tops) are listed here by hand. Extend it for a site's population if needed.
"""

from __future__ import annotations

_NAMES = """
aaron abdel abdelkader abdoulaye adam adele adeline adrien agathe agnes ahmed aicha aime aimee alain alban albert
albertine alexandra alexandre alexandrine alexis alfred alice aline alix amandine amelie anais andre andree
angele angelique anne anne-marie anne-sophie annette annick annie anthony antoine antoinette antonin apolline
ariane armand arnaud arthur astrid aude audrey augustin aurele aurelie aurelien axel axelle aymeric baptiste
barbara basile bastien beatrice benedicte benjamin benoit bernadette bernard berthe blanche boris brigitte bruno
camille capucine carine carole caroline catherine cecile celeste celestin celia celine chantal charles charlie
charlotte chloe christelle christian christiane christine christophe claire clara clarisse claude claudette
claudine clemence clement clementine colette coline constance corentin corinne cyril cyrille damien daniel
daniele danielle david delphine denis denise didier dominique dorothee edgar edith edmond edouard elea eleonore
elie eliane elisa elisabeth elise ella elodie eloise elsa emile emilie emma emmanuel emmanuelle enzo eric ernest
estelle esther ethan etienne eugene eugenie eva evelyne fabien fabienne fabrice fanny felix fernand fernande
florence florent florian francis francine franck francois francoise frederic frederique gabriel gabrielle
gael gaelle gaetan gaspard genevieve georges georgette gerald gerard germain germaine ghislaine gilbert gilberte
gilles ginette gisele gregoire gregory guillaume guy gwenaelle hannah helene henri henriette herve hortense hugo
hugues ibrahim ines irene isaac isabelle jacqueline jacques jade jean jean-baptiste jean-claude jean-francois
jean-louis jean-luc jean-marc jean-marie jean-michel jean-paul jean-pierre jeanine jeanne jeannine jeremy
jerome joel joelle johan johanna jonathan jordan joseph josephine josette josiane jules julia julie julien
juliette justine karim karine kevin laetitia laura laure laurence laurent lea lea leandre leo leon leonie
leonard lila lina line lisa lise loic lola lou louis louise luc luca lucas lucie lucien lucienne lucille
ludovic lydie madeleine maelle maeva magali malo manon marc marceau marcel marcelle margaux margot marguerite
maria marianne marie marie-christine marie-claude marie-france marie-therese mariette marine marion marius
marthe martin martine mathias mathieu mathilde mathis matheo matthieu maud maurice max maxence maxime melanie
melissa michel micheline michele mickael mila mireille mohamed monique morgane muriel mylene myriam nadege
nadia nadine nathalie nathan nicolas nicole noah noe noel noelle noemie oceane odette odile olivia olivier
oscar pascal pascale patrice patricia patrick paul paule paulette pauline perrine philippe pierre pierrette
quentin rachel raphael raphaelle raymond raymonde regine regis remi remy renaud rene renee richard robert
roger roland romain romane rose rosalie sabine sacha salome samuel sandra sandrine sarah sebastien serge severine
simon simone solene solange sophie stephane stephanie suzanne sylvain sylvie tatiana theo theophile therese
thibault thibaut thierry thomas timothee tiphaine tom tristan valentin valentine valerie vanessa veronique
victor victoire vincent violette virginie vivien vivienne xavier yann yannick yasmine yves yvette yvonne zoe
adelaide adrienne alphonse anastasie anouk auguste aurore bertrand diane honore lorraine luce maryse michelle
noemi penelope philippine theodore william zacharie gaston leonce firmin hippolyte octave leopold jeannette
josephe clotilde mathurin ambroise gustave lucile amaury benoite cyprien edwige eliott ernestine eulalie evariste
fabiola flavie gautier geraldine gerome gertrude gwendoline hector hermine honorine isidore jacky joachim jocelyne
judith justin laurine leontine liliane lionel lise lorenzo louisette lucette marina marylene maxime melodie
micheline murielle nadine nina ninon norbert olga pascaline paulin prosper priscille rodolphe rolande romuald
roselyne sabrina samia sandrine sidonie sylvette tanguy theo thibaud ursule valery vanille yolande yohann
susanne susan margaret lucy maggie kelly jessica jennifer cindy steven jimmy dylan kevin mickael johnny
"""

FIRST_NAMES = frozenset(_NAMES.split())
