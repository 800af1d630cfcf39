<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>not installed</source>
        <translation>non installé</translation>
    </message>
    <message>
        <source>About Smaller</source>
        <translation>À propos de Smaller</translation>
    </message>
    <message>
        <source>Close About Smaller</source>
        <translation>Fermer « À propos de Smaller »</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>A private assistant that runs a small language model on this computer.</source>
        <translation>Un assistant privé qui fait tourner un petit modèle de langage sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No telemetry. Smaller opens no network connection unless you ask it to, for example by clicking a link.</source>
        <translation>Aucune télémétrie. Smaller n'ouvre aucune connexion réseau sans que vous le demandiez, par exemple en cliquant sur un lien.</translation>
    </message>
    <message>
        <source>Smaller uses Qt and PySide6 under the GNU LGPL version 3.</source>
        <translation>Smaller utilise Qt et PySide6 sous licence GNU LGPL version 3.</translation>
    </message>
    <message>
        <source>The model {model} is by Hugging Face, under the {licence} licence.</source>
        <translation>Le modèle {model} est créé par Hugging Face et distribué sous licence {licence}.</translation>
    </message>
    <message>
        <source>The copy shipped with Smaller is modified: one metadata value (tokenizer.ggml.pre) was changed so that gpt4all can read the file; the weights are unchanged.</source>
        <translation>La copie fournie avec Smaller est modifiée : une seule métadonnée (tokenizer.ggml.pre) a été changée pour que gpt4all puisse lire le fichier ; les poids du modèle sont inchangés.</translation>
    </message>
    <message>
        <source>The README explains why.</source>
        <translation>Le fichier README explique pourquoi.</translation>
    </message>
    <message>
        <source>Smaller keeps a log of what it did (never what you typed or what the model answered). If you report a problem, you can send this file:</source>
        <translation>Smaller tient un journal de ce qu’il a fait (jamais de ce que vous avez tapé ni de ce que le modèle a répondu). Si vous signalez un problème, vous pouvez envoyer ce fichier :</translation>
    </message>
</context>
<context>
    <name>AnswerLine</name>
    <message>
        <source>{n} tokens</source>
        <translation>{n} jetons</translation>
    </message>
    <message>
        <source>{n} tokens/s</source>
        <translation>{n} jetons/s</translation>
    </message>
    <message>
        <source>first word after {s} s</source>
        <translation>premier mot après {s} s</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>mesuré</translation>
    </message>
    <message>
        <source>measured and estimated</source>
        <translation>mesuré et estimé</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>estimé</translation>
    </message>
    <message>
        <source>how?</source>
        <translation>comment ?</translation>
    </message>
    <message>
        <source>{value} ({method}); range {low} to {high}</source>
        <translation>{value} ({method}) ; fourchette de {low} à {high}</translation>
    </message>
    <message>
        <source>{value}; range {low} to {high}</source>
        <translation>{value} ; fourchette de {low} à {high}</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Eau</translation>
    </message>
    <message>
        <source>Electricity grid</source>
        <translation>Réseau électrique</translation>
    </message>
    <message>
        <source>{grid}: {co2} g CO₂e and {water} L of water per kWh</source>
        <translation>{grid} : {co2} g CO₂e et {water} L d'eau par kWh</translation>
    </message>
    <message>
        <source>{n} token</source>
        <translation>{n} jeton</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <source>{cpu} s of processor time, {rss} MB of memory at most</source>
        <translation>{cpu} s de temps processeur, {rss} Mo de mémoire au maximum</translation>
    </message>
    <message>
        <source>What this answer cost</source>
        <translation>Ce qu'a coûté cette réponse</translation>
    </message>
    <message>
        <source>How it was obtained</source>
        <translation>Comment ce chiffre a été obtenu</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Opening a source link uses the internet; nothing else in Smaller does.</source>
        <translation>Ouvrir le lien d'une source utilise Internet ; rien d'autre dans Smaller ne le fait.</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>There is not enough free memory to load this model. Close other programs, or choose a smaller model or a shorter context.</source>
        <translation>Il n'y a pas assez de mémoire libre pour charger ce modèle. Fermez d'autres programmes, ou choisissez un modèle plus petit ou un contexte plus court.</translation>
    </message>
    <message>
        <source>The model file is incomplete (it may be a download that stopped half way). Download it again.</source>
        <translation>Le fichier du modèle est incomplet (son téléchargement s'est peut-être arrêté en cours de route). Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>This model needs a newer version of the engine than the one in Smaller (its tokenizer is not supported). Choose another model.</source>
        <translation>Ce modèle demande une version du moteur plus récente que celle de Smaller (son tokeniseur n'est pas pris en charge). Choisissez un autre modèle.</translation>
    </message>
    <message>
        <source>This kind of model is not supported by Smaller's engine. Choose another model.</source>
        <translation>Le moteur de Smaller ne prend pas en charge ce type de modèle. Choisissez un autre modèle.</translation>
    </message>
    <message>
        <source>This file is not a model file Smaller can read.</source>
        <translation>Ce fichier n'est pas un fichier de modèle que Smaller sait lire.</translation>
    </message>
    <message>
        <source>Could not load {name}.</source>
        <translation>Impossible de charger {name}.</translation>
    </message>
    <message>
        <source>Could not load {name}: the engine refused it. The file may be damaged or of a kind Smaller does not support. Try another model file.</source>
        <translation>Impossible de charger {name} : le moteur l'a refusé. Le fichier est peut-être endommagé, ou d'un type que Smaller ne prend pas en charge. Essayez un autre fichier de modèle.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>The model list could not be downloaded (the server answered {code}).</source>
        <translation>La liste des modèles n'a pas pu être téléchargée (le serveur a répondu {code}).</translation>
    </message>
    <message>
        <source>The model list could not be downloaded. Check your internet connection.</source>
        <translation>La liste des modèles n'a pas pu être téléchargée. Vérifiez votre connexion à Internet.</translation>
    </message>
    <message>
        <source>The server sent something that is not a model list.</source>
        <translation>Le serveur a envoyé autre chose qu'une liste de modèles.</translation>
    </message>
    <message>
        <source>The downloaded model list has no model this app can run.</source>
        <translation>La liste téléchargée ne contient aucun modèle que cette application peut faire tourner.</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Change this message and send it again</source>
        <translation>Modifier ce message et l'envoyer à nouveau</translation>
    </message>
    <message>
        <source>Edit this message</source>
        <translation>Modifier ce message</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Ask the model to go on from where this answer stopped</source>
        <translation>Demander au modèle de reprendre là où cette réponse s'est arrêtée</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Saisissez d'abord un message.</translation>
    </message>
    <message>
        <source>Stop the answer before deleting this chat.</source>
        <translation>Arrêtez la réponse avant de supprimer cette conversation.</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or press Stop.</source>
        <translation>Attendez la fin de la réponse, ou appuyez sur Arrêter.</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>Le modèle</translation>
    </message>
</context>
<context>
    <name>ChatDocumentsButton</name>
    <message>
        <source>Which of your documents this chat answers from</source>
        <translation>Les documents dont cette conversation se sert pour répondre</translation>
    </message>
    <message>
        <source>No collections yet</source>
        <translation>Aucune collection pour l'instant</translation>
    </message>
    <message>
        <source>Answer only from my documents</source>
        <translation>Répondre uniquement à partir de mes documents</translation>
    </message>
    <message>
        <source>Manage documents…</source>
        <translation>Gérer les documents…</translation>
    </message>
    <message>
        <source>Documents: none</source>
        <translation>Documents : aucun</translation>
    </message>
    <message>
        <source>Documents: {names}</source>
        <translation>Documents : {names}</translation>
    </message>
    <message>
        <source> (only)</source>
        <translation> (uniquement)</translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>{n} token in {time}</source>
        <translation>{n} jeton en {time}</translation>
    </message>
    <message>
        <source>{n} tokens in {time}</source>
        <translation>{n} jetons en {time}</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>mesuré</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>estimé</translation>
    </message>
    <message>
        <source>{energy}, {co2} CO₂e ({method}, {grid} grid)</source>
        <translation>{energy}, {co2} CO₂e ({method}, réseau {grid})</translation>
    </message>
    <message>
        <source>Exported from Smaller on {date}.</source>
        <translation>Exporté depuis Smaller le {date}.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>Le modèle</translation>
    </message>
    <message>
        <source>Markdown, to read (*.md)</source>
        <translation>Markdown, à lire (*.md)</translation>
    </message>
    <message>
        <source>JSON, for programs (*.json)</source>
        <translation>JSON, pour les programmes (*.json)</translation>
    </message>
    <message>
        <source>This chat no longer exists.</source>
        <translation>Cette discussion n’existe plus.</translation>
    </message>
    <message>
        <source>The chat could not be saved to “{path}” ({reason}). Choose another folder.</source>
        <translation>La discussion n’a pas pu être enregistrée dans « {path} » ({reason}). Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Exporter la discussion</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Show earlier messages</source>
        <translation>Afficher les messages précédents</translation>
    </message>
    <message>
        <source>Ask anything. The answer is written on this computer: nothing you type leaves it.</source>
        <translation>Posez n'importe quelle question. La réponse est rédigée sur cet ordinateur : rien de ce que vous tapez n'en sort.</translation>
    </message>
    <message>
        <source>Show later messages</source>
        <translation>Afficher les messages suivants</translation>
    </message>
    <message>
        <source>Measured on this computer (test drive):</source>
        <translation>Mesuré sur cet ordinateur (essai des modèles) :</translation>
    </message>
</context>
<context>
    <name>CompareModelsDialog</name>
    <message>
        <source>Compare models</source>
        <translation>Comparer des modèles</translation>
    </message>
    <message>
        <source>A message for every model, e.g. What is 17 times 23?</source>
        <translation>Un message pour chaque modèle, par ex. Combien font 17 fois 23 ?</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Models to compare</source>
        <translation>Modèles à comparer</translation>
    </message>
    <message>
        <source>Blind: hide the names until I have marked the answers</source>
        <translation>À l’aveugle : cacher les noms jusqu’à ce que j’aie noté les réponses</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Save my marks and show the names</source>
        <translation>Enregistrer mes notes et montrer les noms</translation>
    </message>
    <message>
        <source>Only one model is installed. Get a second one on the Models page (File › Models…), or from a terminal with ./dev.sh second-model.</source>
        <translation>Un seul modèle est installé. Obtenez-en un deuxième dans la page Modèles (Fichier › Modèles…), ou dans un terminal avec ./dev.sh second-model.</translation>
    </message>
    <message>
        <source>Model {letter}</source>
        <translation>Modèle {letter}</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Écrivez d’abord un message.</translation>
    </message>
    <message>
        <source>Tick two or three models.</source>
        <translation>Cochez deux ou trois modèles.</translation>
    </message>
    <message>
        <source>Waiting for the engine…</source>
        <translation>En attente du moteur…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Answer {n}</source>
        <translation>Réponse {n}</translation>
    </message>
    <message>
        <source>Good enough</source>
        <translation>Assez bonne</translation>
    </message>
    <message>
        <source>Llama 3.1 405B (estimate)</source>
        <translation>Llama 3.1 405B (estimation)</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>Chargement de {name}…</translation>
    </message>
    <message>
        <source>{name} is answering…</source>
        <translation>{name} répond…</translation>
    </message>
    <message>
        <source>The comparison did not run: {error}</source>
        <translation>La comparaison n’a pas pu se faire : {error}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Done. Mark the answers that were good enough.</source>
        <translation>Terminé. Cochez les réponses qui étaient assez bonnes.</translation>
    </message>
    <message>
        <source>Save my marks</source>
        <translation>Enregistrer mes notes</translation>
    </message>
    <message>
        <source>{model}'s answer: {low} to {high}</source>
        <translation>Réponse de {model} : de {low} à {high}</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{tps} tokens/s</source>
        <translation>{tps} jetons/s</translation>
    </message>
    <message>
        <source>{mb} MB of memory</source>
        <translation>{mb} Mo de mémoire</translation>
    </message>
    <message>
        <source>The same answers in a datacenter:</source>
        <translation>Les mêmes réponses dans un centre de données :</translation>
    </message>
    <message>
        <source>Not reached: stopped before its turn.</source>
        <translation>Non atteint : arrêté avant son tour.</translation>
    </message>
    <message>
        <source>Could not load: {error}</source>
        <translation>Chargement impossible : {error}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <source>Your marks are saved.</source>
        <translation>Vos notes sont enregistrées.</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>The low estimate is measured on 8 GPUs sharing their work among 64 requests at once ({itl} ms per token); the high one, EcoLogits' model, assumes 16-bit weights on {gpus} GPUs and {latency} s per token, so it charges each answer for more GPUs and more server time.</source>
        <translation>L'estimation basse est mesurée sur 8 GPU qui se partagent 64 requêtes à la fois ({itl} ms par jeton) ; la haute, le modèle d'EcoLogits, suppose des poids en 16 bits sur {gpus} GPU et {latency} s par jeton : elle attribue donc à chaque réponse davantage de GPU et de temps de serveur.</translation>
    </message>
    <message>
        <source>An H100 running an 8-billion-parameter model for many users at once spends about {gpu} J per answer token, where this computer spent about {local} J per answer token (reading the prompt included).</source>
        <translation>Un H100 qui fait tourner un modèle de 8 milliards de paramètres pour de nombreux utilisateurs à la fois dépense environ {gpu} J par jeton de réponse, là où cet ordinateur a dépensé environ {local} J par jeton de réponse (lecture de la question comprise).</translation>
    </message>
    <message>
        <source>This compares your answer, made on this computer, with the same prompt read and the same number of answer tokens written by Llama 3.1 405B in a datacenter.</source>
        <translation>Ceci compare votre réponse, faite sur cet ordinateur, avec la même question lue et le même nombre de jetons de réponse écrits par Llama 3.1 405B dans un centre de données.</translation>
    </message>
    <message>
        <source>Be fair to the datacenter: per token, a datacenter GPU is usually more efficient than a personal computer's processor.</source>
        <translation>Soyons justes envers le centre de données : par jeton, un GPU de centre de données est en général plus efficace que le processeur d'un ordinateur personnel.</translation>
    </message>
    <message>
        <source>The energy saved comes from using a far smaller model, not from this computer.</source>
        <translation>L'énergie économisée vient de l'emploi d'un modèle bien plus petit, pas de cet ordinateur.</translation>
    </message>
    <message>
        <source>Not shown: how good each answer is (a bigger model may answer better, or first time), training either model (see the training tab), or making this computer.</source>
        <translation>Non montré : la qualité de chaque réponse (un modèle plus gros peut mieux répondre, ou du premier coup), l'entraînement des modèles (voir l'onglet entraînement), ni la fabrication de cet ordinateur.</translation>
    </message>
    <message>
        <source>CO₂ and water count electricity on both sides; making the datacenter's servers and GPUs adds about {co2} CO₂ (EcoLogits).</source>
        <translation>Le CO₂ et l'eau comptent l'électricité des deux côtés ; la fabrication des serveurs et des GPU du centre de données ajoute environ {co2} de CO₂ (EcoLogits).</translation>
    </message>
    <message>
        <source>An H100 running an 8-billion-parameter model for many users at once spends about {gpu} J per token.</source>
        <translation>Un H100 qui fait tourner un modèle de 8 milliards de paramètres pour de nombreux utilisateurs à la fois dépense environ {gpu} J par jeton.</translation>
    </message>
    <message>
        <source>The money compares API prices, which pay for hardware, staff and margin, with only the electricity this computer drew.</source>
        <translation>Le coût compare les prix des API, qui paient le matériel, le personnel et la marge, à la seule électricité consommée par cet ordinateur.</translation>
    </message>
    <message>
        <source>Both sides use the electricity of {grid}, so the CO₂ difference is the energy difference: it all comes from the size of the model.</source>
        <translation>Les deux côtés utilisent l'électricité de {grid} : l'écart de CO₂ est donc l'écart d'énergie, et il vient tout entier de la taille du modèle.</translation>
    </message>
    <message>
        <source>This computer uses the electricity of {local} ({local_g} g CO₂e per kWh); the datacenter is placed in {center} ({center_g} g). Of the CO₂ difference, a factor of {energy} comes from the energy (the size of the model) and a factor of {grid} from the grids.</source>
        <translation>Cet ordinateur utilise l'électricité de {local} ({local_g} g CO₂e par kWh) ; le centre de données est placé en {center} ({center_g} g). De l'écart de CO₂, un facteur {energy} vient de l'énergie (la taille du modèle) et un facteur {grid} des réseaux électriques.</translation>
    </message>
    <message>
        <source>This computer uses the electricity of {local}; the datacenter is placed in {center}.</source>
        <translation>Cet ordinateur utilise l'électricité de {local} ; le centre de données est placé en {center}.</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} à {high}</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Eau</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Argent</translation>
    </message>
    <message>
        <source>${n}</source>
        <translation>{n} $</translation>
    </message>
    <message>
        <source>{n} US cents</source>
        <translation>{n} cents de dollar US</translation>
    </message>
    <message>
        <source>less than a thousandth of a US cent</source>
        <translation>moins d'un millième de cent américain</translation>
    </message>
    <message>
        <source>4-bit</source>
        <translation>4 bits</translation>
    </message>
    <message>
        <source>8-bit</source>
        <translation>8 bits</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 bits</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 bits</translation>
    </message>
    <message>
        <source>{mb} MB (model file, measured)</source>
        <translation>{mb} Mo (fichier du modèle, mesuré)</translation>
    </message>
    <message>
        <source>{same} GB in {bits}, like this model; {bf16} GB in 16-bit, as released</source>
        <translation>{same} Go en {bits}, comme ce modèle ; {bf16} Go en 16 bits, tel que publié</translation>
    </message>
    <message>
        <source>{gpus} GPUs of {gb} GB ({total} GB) to hold the {served} GB it needs in 16-bit: the memory of {laptops} laptops of 16 GB</source>
        <translation>{gpus} GPU de {gb} Go ({total} Go) pour contenir les {served} Go qu'il lui faut en 16 bits : la mémoire de {laptops} ordinateurs portables de 16 Go</translation>
    </message>
    <message>
        <source>{value} ({method})</source>
        <translation>{value} ({method})</translation>
    </message>
    <message>
        <source>Energy for this chat</source>
        <translation>Énergie pour cette conversation</translation>
    </message>
    <message>
        <source>{money} of electricity ({method})</source>
        <translation>{money} d'électricité ({method})</translation>
    </message>
    <message>
        <source>{low} to {high} at API prices ({dates})</source>
        <translation>{low} à {high} aux prix des API ({dates})</translation>
    </message>
    <message>
        <source>{name} ({g} g CO₂e per kWh)</source>
        <translation>{name} ({g} g CO₂e par kWh)</translation>
    </message>
    <message>
        <source>chosen here</source>
        <translation>choisi ici</translation>
    </message>
    <message>
        <source>by default the same grid as this computer</source>
        <translation>par défaut le même réseau que cet ordinateur</translation>
    </message>
    <message>
        <source>Electricity: this computer on {mine}; the datacenter on {theirs}, {how}, with the overhead and water use of {center}.</source>
        <translation>Électricité : cet ordinateur sur {mine} ; le centre de données sur {theirs}, {how}, avec les pertes et la consommation d'eau de {center}.</translation>
    </message>
    <message>
        <source>This computer: {method}. The 405B model, for the same prompt read and the same number of answer tokens ({tokens}): low end ML.ENERGY, measured then scaled to the whole datacenter; high end EcoLogits' model; reading the prompt by Epoch AI's FLOP method.</source>
        <translation>Cet ordinateur : {method}. Le modèle 405B, pour la même question lue et le même nombre de jetons de réponse ({tokens}) : bas de la fourchette ML.ENERGY, mesuré puis étendu à tout le centre de données ; haut de la fourchette, le modèle d'EcoLogits ; lecture de la question selon la méthode FLOP d'Epoch AI.</translation>
    </message>
    <message>
        <source>Sources: ML.ENERGY Leaderboard v3.0; EcoLogits; Epoch AI (2025); Google (2025); Pope et al. (2022); API prices from genai-prices and Artificial Analysis. Made with Smaller.</source>
        <translation>Sources : ML.ENERGY Leaderboard v3.0 ; EcoLogits ; Epoch AI (2025) ; Google (2025) ; Pope et al. (2022) ; prix des API d'après genai-prices et Artificial Analysis. Réalisé avec Smaller.</translation>
    </message>
    <message>
        <source>This computer vs 405B</source>
        <translation>Cet ordinateur face à 405B</translation>
    </message>
    <message>
        <source>Datacenter's electricity:</source>
        <translation>Électricité du centre de données :</translation>
    </message>
    <message>
        <source>Where the 405B model's datacenter is</source>
        <translation>Où se trouve le centre de données du modèle 405B</translation>
    </message>
    <message>
        <source>The same grid as this computer</source>
        <translation>Le même réseau que cet ordinateur</translation>
    </message>
    <message>
        <source>Save the comparison</source>
        <translation>Enregistrer la comparaison</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>de {low} à {high}</translation>
    </message>
    <message>
        <source>; the whole app used {mb} MB at most (measured)</source>
        <translation> ; l'application entière a utilisé {mb} Mo au maximum (mesuré)</translation>
    </message>
    <message>
        <source>Memory to hold the model</source>
        <translation>Mémoire pour contenir le modèle</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>this computer, running {model}</source>
        <translation>cet ordinateur, qui fait tourner {model}</translation>
    </message>
    <message>
        <source>Energy for this answer</source>
        <translation>Énergie pour cette réponse</translation>
    </message>
    <message>
        <source>The same on Llama 3.1 405B</source>
        <translation>La même chose avec Llama 3.1 405B</translation>
    </message>
    <message>
        <source>Training the 405B model</source>
        <translation>L'entraînement du modèle 405B</translation>
    </message>
    <message>
        <source>Save as picture…</source>
        <translation>Enregistrer en image…</translation>
    </message>
    <message>
        <source>Save the comparison card as a PNG, to show in a talk</source>
        <translation>Enregistrer la fiche de comparaison en image PNG, pour la montrer lors d'une présentation</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Llama 3.1 405B in a datacenter</source>
        <translation>Llama 3.1 405B dans un datacenter</translation>
    </message>
    <message>
        <source>In plain words</source>
        <translation>En clair</translation>
    </message>
    <message>
        <source>What this shows, and what it does not</source>
        <translation>Ce que cela montre, et ce que cela ne montre pas</translation>
    </message>
    <message>
        <source>Do you need a 405-billion-parameter model for this chat ({n} answers)?</source>
        <translation>Faut-il un modèle de 405 milliards de paramètres pour cette conversation ({n} réponses) ?</translation>
    </message>
    <message>
        <source>Do you need a 405-billion-parameter model for this answer?</source>
        <translation>Faut-il un modèle de 405 milliards de paramètres pour cette réponse ?</translation>
    </message>
    <message>
        <source>Question: “{q}”</source>
        <translation>Question : « {q} »</translation>
    </message>
    <message>
        <source>Model on this computer: {model} · {date}</source>
        <translation>Modèle sur cet ordinateur : {model} · {date}</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Why a range?</source>
        <translation>Pourquoi une fourchette ?</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>(opening one uses the internet)</source>
        <translation>(en ouvrir une utilise Internet)</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>Context</name>
    <message>
        <source>Your message is too long for this model's memory (its context window holds about {tokens} tokens, roughly {words} words including the answer). Shorten it or split it into parts.</source>
        <translation>Votre message est trop long pour la mémoire de ce modèle (sa fenêtre de contexte contient environ {tokens} jetons, soit à peu près {words} mots, réponse comprise). Raccourcissez-le ou découpez-le en plusieurs parties.</translation>
    </message>
    <message>
        <source>The system prompt and your message together are too long for this model's memory (its context window holds about {tokens} tokens; the system prompt alone takes about {system}). Shorten the system prompt or your message.</source>
        <translation>Les consignes et votre message sont trop longs ensemble pour la mémoire de ce modèle (sa fenêtre de contexte contient environ {tokens} jetons ; les consignes à elles seules en prennent environ {system}). Raccourcissez les consignes ou votre message.</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Commencer une nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search chats and messages</source>
        <translation>Chercher dans les discussions et les messages</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>Rechercher dans les conversations</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Rename the selected chat (F2)</source>
        <translation>Renommer la conversation sélectionnée (F2)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected chat</source>
        <translation>Supprimer la conversation sélectionnée</translation>
    </message>
</context>
<context>
    <name>DemoMode</name>
    <message>
        <source>The same on the 405B model: {range}. {words}</source>
        <translation>La même chose avec le modèle 405B : {range}. {words}</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>{low} to {high}</source>
        <translation>de {low} à {high}</translation>
    </message>
    <message>
        <source>Demo questions</source>
        <translation>Questions de démonstration</translation>
    </message>
    <message>
        <source>What a small model can and cannot do</source>
        <translation>Ce qu'un petit modèle sait faire, et ce qu'il ne sait pas faire</translation>
    </message>
    <message>
        <source>Rewrite an e-mail politely</source>
        <translation>Reformuler un e-mail poliment</translation>
    </message>
    <message>
        <source>Rewrite this e-mail so that it is polite and friendly: “I still haven't got the invoice. Send it today.”</source>
        <translation>Reformulez cet e-mail pour qu'il soit poli et aimable : « Je n'ai toujours pas reçu la facture. Envoyez-la aujourd'hui. »</translation>
    </message>
    <message>
        <source>Summarise a paragraph</source>
        <translation>Résumer un paragraphe</translation>
    </message>
    <message>
        <source>Summarise this paragraph in one sentence: “Bees visit flowers to collect nectar, which they turn into honey. While they do so, pollen sticks to their bodies and is carried from flower to flower. This lets many plants make fruit and seeds, so much of the food we eat depends on bees.”</source>
        <translation>Résumez ce paragraphe en une phrase : « Les abeilles visitent les fleurs pour récolter le nectar, qu'elles transforment en miel. Ce faisant, du pollen se colle à leur corps et est transporté de fleur en fleur. Cela permet à de nombreuses plantes de produire des fruits et des graines : une grande partie de notre nourriture dépend donc des abeilles. »</translation>
    </message>
    <message>
        <source>Explain a word</source>
        <translation>Expliquer un mot</translation>
    </message>
    <message>
        <source>Explain the word “recycling” in simple words.</source>
        <translation>Expliquez le mot « recyclage » avec des mots simples.</translation>
    </message>
    <message>
        <source>A recent fact</source>
        <translation>Un fait récent</translation>
    </message>
    <message>
        <source>Who won the last football World Cup?</source>
        <translation>Qui a gagné la dernière Coupe du monde de football ?</translation>
    </message>
    <message>
        <source>Maths in several steps</source>
        <translation>Des maths en plusieurs étapes</translation>
    </message>
    <message>
        <source>Pencils cost 1.20 euros for 3. How much do 17 pencils cost, and how much change do you get from 10 euros? Show each step.</source>
        <translation>Les crayons coûtent 1,20 euro les 3. Combien coûtent 17 crayons, et combien de monnaie vous rend-on sur 10 euros ? Détaillez chaque étape.</translation>
    </message>
    <message>
        <source>A small model is enough</source>
        <translation>Un petit modèle suffit</translation>
    </message>
    <message>
        <source>Where a small model is not enough</source>
        <translation>Là où un petit modèle ne suffit pas</translation>
    </message>
    <message>
        <source>It learned from texts written before a fixed date and cannot look anything up, so it cannot know recent events.</source>
        <translation>Il a appris à partir de textes écrits avant une certaine date et ne peut rien chercher : il ne peut donc pas connaître les événements récents.</translation>
    </message>
    <message>
        <source>Here the small model may answer wrongly, and sound sure of itself: that is the point. Check such answers, or use a bigger tool for them.</source>
        <translation>Ici, le petit modèle peut se tromper tout en ayant l'air sûr de lui : c'est justement ce qu'il faut montrer. Vérifiez ce genre de réponses, ou utilisez un outil plus puissant pour ces questions.</translation>
    </message>
    <message>
        <source>What is 17 times 23? Answer with the number.</source>
        <translation>Combien font 17 fois 23 ? Réponds par le nombre.</translation>
    </message>
    <message>
        <source>Small vs tiny vs 405B</source>
        <translation>Petit, minuscule ou 405B</translation>
    </message>
    <message>
        <source>One question, two models</source>
        <translation>Une question, deux modèles</translation>
    </message>
    <message>
        <source>Answered in turn by the installed models, side by side with their cost and the 405B estimate: {question}</source>
        <translation>Posée tour à tour aux modèles installés, côte à côte avec leur coût et l’estimation du 405B : {question}</translation>
    </message>
    <message>
        <source>Session total</source>
        <translation>Total de la session</translation>
    </message>
    <message>
        <source>No answers yet in this session: click a question above, or type your own.</source>
        <translation>Pas encore de réponse dans cette session : cliquez sur une question ci-dessus, ou tapez la vôtre.</translation>
    </message>
    <message>
        <source>This session's answer used {local}; the same on the 405B model: {big}.</source>
        <translation>La réponse de cette session a utilisé {local} ; la même sur le modèle 405B : {big}.</translation>
    </message>
    <message>
        <source>This session's {n} answers used {local}; the same on the 405B model: {big}.</source>
        <translation>Les {n} réponses de cette session ont utilisé {local} ; les mêmes sur le modèle 405B : {big}.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Your documents do not seem to contain the answer: no passage matches the question. Try other words, or add the documents that hold it.</source>
        <translation>Vos documents ne semblent pas contenir la réponse : aucun passage ne correspond à la question. Essayez d'autres mots, ou ajoutez les documents qui la contiennent.</translation>
    </message>
    <message>
        <source>The documents index could not be opened: {error}</source>
        <translation>L'index des documents n'a pas pu être ouvert : {error}</translation>
    </message>
    <message>
        <source>the documents index could not be read</source>
        <translation>l'index des documents n'a pas pu être lu</translation>
    </message>
    <message>
        <source>the documents index could not be updated</source>
        <translation>l'index des documents n'a pas pu être mis à jour</translation>
    </message>
    <message>
        <source>not a format Smaller reads</source>
        <translation>un format que Smaller ne lit pas</translation>
    </message>
    <message>
        <source>too large (over 64 MB)</source>
        <translation>trop volumineux (plus de 64 Mo)</translation>
    </message>
    <message>
        <source>cannot be read (permission denied)</source>
        <translation>illisible (permission refusée)</translation>
    </message>
    <message>
        <source>deleted or moved while being read</source>
        <translation>supprimé ou déplacé pendant la lecture</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>not text (binary content)</source>
        <translation>pas du texte (contenu binaire)</translation>
    </message>
    <message>
        <source>encrypted (password protected)</source>
        <translation>chiffré (protégé par un mot de passe)</translation>
    </message>
    <message>
        <source>damaged or not really this format</source>
        <translation>endommagé, ou pas vraiment de ce format</translation>
    </message>
    <message>
        <source>no text: scanned image?</source>
        <translation>aucun texte : image numérisée ?</translation>
    </message>
    <message>
        <source>a link that leads back to itself</source>
        <translation>un lien qui mène à lui-même</translation>
    </message>
    <message>
        <source>the reader stopped on it (damaged or too big?): tried again next time</source>
        <translation>le lecteur s’est arrêté dessus (fichier abîmé ou trop gros ?) : nouvel essai la prochaine fois</translation>
    </message>
    <message>
        <source>Indexing stopped: the document reader stopped {count} times (last on {path}). Everything indexed before is kept.</source>
        <translation>Indexation arrêtée : le lecteur de documents s’est arrêté {count} fois (la dernière sur {path}). Tout ce qui était indexé avant est conservé.</translation>
    </message>
    <message>
        <source>The document reader stopped on {count} file(s) (last: {path}). They are listed as skipped and will be tried again next time; the rest is indexed.</source>
        <translation>Le lecteur de documents s’est arrêté sur {count} fichier(s) (le dernier : {path}). Ils sont listés comme ignorés et seront réessayés la prochaine fois ; le reste est indexé.</translation>
    </message>
</context>
<context>
    <name>DocumentsController</name>
    <message>
        <source>The documents index was damaged: it was set aside ({path}) and a new one was started. Add your documents again on the Documents page.</source>
        <translation>L'index des documents était endommagé : il a été mis de côté ({path}) et un nouvel index a été commencé. Ajoutez de nouveau vos documents dans la page Documents.</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>Ajouter un dossier de documents</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>Ajouter des documents</translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.pdf *.docx *.odt *.html *.htm);;All files (*)</source>
        <translation>Documents (*.txt *.md *.pdf *.docx *.odt *.html *.htm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation>Nom de la collection :</translation>
    </message>
    <message>
        <source>Indexing is already running: wait for it, or cancel it.</source>
        <translation>Une indexation est déjà en cours : attendez-la, ou annulez-la.</translation>
    </message>
    <message>
        <source>Indexing failed.</source>
        <translation>L'indexation a échoué.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Add folders or files, then choose in a chat which collections it may read. Everything stays on this computer.</source>
        <translation>Ajoutez des dossiers ou des fichiers, puis choisissez dans une conversation quelles collections elle peut lire. Tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mettre à jour</translation>
    </message>
    <message>
        <source>Read new and changed files again, forget deleted ones</source>
        <translation>Relire les fichiers nouveaux et modifiés, oublier ceux qui ont été supprimés</translation>
    </message>
    <message>
        <source>Remove collection</source>
        <translation>Retirer la collection</translation>
    </message>
    <message>
        <source>Forget this collection; your files stay where they are</source>
        <translation>Oublier cette collection ; vos fichiers restent où ils sont</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Collections and their files</source>
        <translation>Les collections et leurs fichiers</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progression de l'indexation</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>skipped: {reason}</source>
        <translation>ignoré : {reason}</translation>
    </message>
    <message>
        <source>changed while being read: it is read again at the next update</source>
        <translation>modifié pendant la lecture : il sera relu à la prochaine mise à jour</translation>
    </message>
    <message>
        <source>deleted on disk: it is forgotten at the next update</source>
        <translation>supprimé du disque : il sera oublié à la prochaine mise à jour</translation>
    </message>
    <message>
        <source>changed on disk: it is read again at the next update</source>
        <translation>modifié sur le disque : il sera relu à la prochaine mise à jour</translation>
    </message>
    <message>
        <source>indexed (1 passage)</source>
        <translation>indexé (1 passage)</translation>
    </message>
    <message>
        <source>indexed ({n} passages)</source>
        <translation>indexé ({n} passages)</translation>
    </message>
    <message>
        <source>{indexed} of {files} files indexed, {skipped} skipped</source>
        <translation>{indexed} fichiers indexés sur {files}, {skipped} ignorés</translation>
    </message>
    <message>
        <source>folder not found: was it moved or removed?</source>
        <translation>dossier introuvable : a-t-il été déplacé ou supprimé ?</translation>
    </message>
    <message>
        <source>No collections yet: add a folder or files.</source>
        <translation>Aucune collection pour l'instant : ajoutez un dossier ou des fichiers.</translation>
    </message>
    <message>
        <source>Index on disk: {size}.</source>
        <translation>Index sur le disque : {size}.</translation>
    </message>
    <message>
        <source>Last indexing of these collections: {seconds} s, {energy} ({method}).</source>
        <translation>Dernière indexation de ces collections : {seconds} s, {energy} ({method}).</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>mesuré</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>estimé</translation>
    </message>
    <message>
        <source>Reading {name}: {done} of {total} files. {file}</source>
        <translation>Lecture de {name} : {done} fichiers sur {total}. {file}</translation>
    </message>
    <message>
        <source>{name}: {read} files read, {skipped} skipped, {removed} forgotten, {unchanged} unchanged.</source>
        <translation>{name} : {read} fichiers lus, {skipped} ignorés, {removed} oubliés, {unchanged} inchangés.</translation>
    </message>
    <message>
        <source>Cancelled: what was read is kept.</source>
        <translation>Annulé : ce qui a été lu est conservé.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <source>“{url}” is not a web address.</source>
        <translation>« {url} » n'est pas une adresse web.</translation>
    </message>
    <message>
        <source>Models are downloaded only over a secure connection (https), so “{url}” was not opened. Plain http is allowed only for a server on this computer.</source>
        <translation>Les modèles ne sont téléchargés que par une connexion sécurisée (https) : « {url} » n'a donc pas été ouvert. Le http simple n'est permis que pour un serveur sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The server tried to move the download to an insecure address (http), so it was stopped.</source>
        <translation>Le serveur a tenté de rediriger le téléchargement vers une adresse non sécurisée (http) : il a donc été arrêté.</translation>
    </message>
    <message>
        <source>“{host}” is on a local network ({address}). Models are downloaded from such an address only when you type it yourself, so the download was not started.</source>
        <translation>« {host} » est sur un réseau local ({address}). Les modèles ne sont téléchargés depuis une telle adresse que si vous la saisissez vous-même : le téléchargement n'a donc pas commencé.</translation>
    </message>
    <message>
        <source>“{name}” is already installed.</source>
        <translation>« {name} » est déjà installé.</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model: it needs {needed} and only {free} is free. Free up some space, then try again.</source>
        <translation>Il n'y a pas assez d'espace libre sur le disque pour ce modèle : il lui faut {needed} et seulement {free} sont libres. Libérez de la place, puis réessayez.</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>Le téléchargement a été annulé.</translation>
    </message>
    <message>
        <source>The download is paused. Resume it to continue.</source>
        <translation>Le téléchargement est en pause. Reprenez-le pour continuer.</translation>
    </message>
    <message>
        <source>The server did not resume the download.</source>
        <translation>Le serveur n'a pas repris le téléchargement.</translation>
    </message>
    <message>
        <source>The model file was not found on the server (error 404). The model list may be out of date: refresh it and try again.</source>
        <translation>Le fichier du modèle est introuvable sur le serveur (erreur 404). La liste des modèles n'est peut-être plus à jour : actualisez-la et réessayez.</translation>
    </message>
    <message>
        <source>The server refused the download (error {code}). Try again later.</source>
        <translation>Le serveur a refusé le téléchargement (erreur {code}). Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check your internet connection and try again.</source>
        <translation>Impossible de joindre le serveur. Vérifiez votre connexion à Internet et réessayez.</translation>
    </message>
    <message>
        <source>The server is offering a different file ({offered}) from the one expected ({expected}), so it was not downloaded.</source>
        <translation>Le serveur propose un fichier différent ({offered}) de celui attendu ({expected}) : il n'a donc pas été téléchargé.</translation>
    </message>
    <message>
        <source>The model could not be saved in {folder}.</source>
        <translation>Le modèle n'a pas pu être enregistré dans {folder}.</translation>
    </message>
    <message>
        <source>The server almost stopped sending: {received} bytes in {seconds} seconds. Try again later: the download will continue where it stopped.</source>
        <translation>Le serveur n'envoie presque plus rien : {received} octets en {seconds} secondes. Réessayez plus tard : le téléchargement reprendra là où il s'est arrêté.</translation>
    </message>
    <message>
        <source>The server stopped sending for {seconds} seconds. Check your connection and try again: the download will continue where it stopped.</source>
        <translation>Le serveur n'a rien envoyé pendant {seconds} secondes. Vérifiez votre connexion et réessayez : le téléchargement reprendra là où il s'est arrêté.</translation>
    </message>
    <message>
        <source>The connection was lost after {done} of {total}. Try again: the download will continue where it stopped.</source>
        <translation>La connexion a été perdue après {done} sur {total}. Réessayez : le téléchargement reprendra là où il s'est arrêté.</translation>
    </message>
    <message>
        <source>The connection was lost. Try again: the download will continue where it stopped.</source>
        <translation>La connexion a été perdue. Réessayez : le téléchargement reprendra là où il s'est arrêté.</translation>
    </message>
    <message>
        <source>The downloaded file has the wrong size, so it was deleted. Download it again.</source>
        <translation>Le fichier téléchargé n'a pas la bonne taille : il a donc été supprimé. Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>The downloaded file is damaged (its checksum does not match), so it was deleted. Download it again.</source>
        <translation>Le fichier téléchargé est endommagé (sa somme de contrôle ne correspond pas) : il a donc été supprimé. Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>The downloaded file cannot be used, so it was deleted. {reason}</source>
        <translation>Le fichier téléchargé est inutilisable : il a donc été supprimé. {reason}</translation>
    </message>
    <message>
        <source>The server's security certificate could not be verified, so nothing was downloaded from it.</source>
        <translation>Le certificat de sécurité du serveur n'a pas pu être vérifié : rien n'a donc été téléchargé depuis ce serveur.</translation>
    </message>
    <message>
        <source>The server redirected the download too many times.</source>
        <translation>Le serveur a redirigé le téléchargement trop de fois.</translation>
    </message>
</context>
<context>
    <name>DownloadPanel</name>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop for now; what is downloaded is kept</source>
        <translation>Arrêter pour l'instant ; ce qui est déjà téléchargé est conservé</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Stop and delete what was downloaded</source>
        <translation>Arrêter et supprimer ce qui a été téléchargé</translation>
    </message>
    <message>
        <source>Downloading “{name}”</source>
        <translation>Téléchargement de « {name} »</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <source>{speed}/s</source>
        <translation>{speed}/s</translation>
    </message>
    <message>
        <source>nothing received for {time}</source>
        <translation>rien reçu depuis {time}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>encore {time}</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Reprise…</translation>
    </message>
    <message>
        <source>Downloaded and checked</source>
        <translation>Téléchargé et vérifié</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
</context>
<context>
    <name>Drive</name>
    <message>
        <source>Your task file could not be used, so the built-in tasks were: {reason}</source>
        <translation>Votre fichier de tâches n’a pas pu être utilisé, les tâches intégrées l’ont été à sa place : {reason}</translation>
    </message>
</context>
<context>
    <name>DriveAdvice</name>
    <message>
        <source>facts</source>
        <translation>faits</translation>
    </message>
    <message>
        <source>sums</source>
        <translation>calculs</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unités</translation>
    </message>
    <message>
        <source>extracting</source>
        <translation>extraction</translation>
    </message>
    <message>
        <source>rewriting</source>
        <translation>réécriture</translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation>oui/non</translation>
    </message>
    <message>
        <source>translating</source>
        <translation>traduction</translation>
    </message>
    <message>
        <source>about the same</source>
        <translation>à peu près autant de fois</translation>
    </message>
    <message>
        <source>{n} times</source>
        <translation>{n} fois</translation>
    </message>
    <message>
        <source>{model} is right at least 80% of the time for: {categories}.</source>
        <translation>{model} a juste au moins 80 % du temps pour : {categories}.</translation>
    </message>
    <message>
        <source>It is wrong more often than right for: {categories}.</source>
        <translation>Il se trompe plus souvent qu’il n’a juste pour : {categories}.</translation>
    </message>
    <message>
        <source>{bigger} got answers right where it got none</source>
        <translation>{bigger} a eu des réponses justes là où il n’en a eu aucune</translation>
    </message>
    <message>
        <source>{bigger} was right {times} as often</source>
        <translation>{bigger} a eu juste {times} plus souvent</translation>
    </message>
    <message>
        <source>, for {times} the energy per answer</source>
        <translation>, pour {times} l’énergie par réponse</translation>
    </message>
    <message>
        <source>For {categories}, {right}{energy}.</source>
        <translation>Pour : {categories}, {right}{energy}.</translation>
    </message>
</context>
<context>
    <name>DriveChart</name>
    <message>
        <source>Quality against energy, one point per model</source>
        <translation>Qualité selon l’énergie, un point par modèle</translation>
    </message>
    <message>
        <source>tasks right (%)</source>
        <translation>tâches justes (%)</translation>
    </message>
    <message>
        <source>energy per answer (mWh, log scale)</source>
        <translation>énergie par réponse (mWh, échelle logarithmique)</translation>
    </message>
    <message>
        <source>Llama 3.1 405B, same answer (low estimate)</source>
        <translation>Llama 3.1 405B, même réponse (estimation basse)</translation>
    </message>
</context>
<context>
    <name>DriveDialog</name>
    <message>
        <source>Test drive</source>
        <translation>Essai des modèles</translation>
    </message>
    <message>
        <source>Everyday tasks (facts, sums, units, extracting a date or an address, rewriting, yes/no questions, translating words), in English and French, each answer checked by rule. Every installed model answers them in turn, greedily; the chat's model is loaded again at the end.</source>
        <translation>Des tâches de tous les jours (faits, calculs, unités, extraire une date ou une adresse, réécrire, questions oui/non, traduire des mots), en anglais et en français, chaque réponse vérifiée par une règle. Chaque modèle installé y répond à son tour, sans hasard ; le modèle de la discussion est rechargé à la fin.</translation>
    </message>
    <message>
        <source>Number of tasks</source>
        <translation>Nombre de tâches</translation>
    </message>
    <message>
        <source>Good enough from</source>
        <translation>Assez bon à partir de</translation>
    </message>
    <message>
        <source>Start the test drive</source>
        <translation>Lancer l’essai</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Justes</translation>
    </message>
    <message>
        <source>Energy per answer</source>
        <translation>Énergie par réponse</translation>
    </message>
    <message>
        <source>Energy per correct answer</source>
        <translation>Énergie par réponse juste</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Results per model</source>
        <translation>Résultats par modèle</translation>
    </message>
    <message>
        <source>Results per category</source>
        <translation>Résultats par catégorie</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>Tâches :</translation>
    </message>
    <message>
        <source>Good enough from:</source>
        <translation>Assez bon à partir de :</translation>
    </message>
    <message>
        <source>Only one model is installed: the drive will say what it is good at, but not which model does better. Get a second one on the Models page, or from a terminal with ./dev.sh second-model.</source>
        <translation>Un seul modèle est installé : l’essai dira ce qu’il sait bien faire, mais pas quel modèle fait mieux. Obtenez-en un deuxième dans la page Modèles, ou dans un terminal avec ./dev.sh second-model.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>{model}: task {n} of {total} (model {m} of {models})</source>
        <translation>{model} : tâche {n} sur {total} (modèle {m} sur {models})</translation>
    </message>
    <message>
        <source>The test drive did not run: {error}</source>
        <translation>L’essai n’a pas pu se faire : {error}</translation>
    </message>
    <message>
        <source>Stopped: these are partial results (saved, marked as such).</source>
        <translation>Arrêté : ces résultats sont partiels (enregistrés, marqués comme tels).</translation>
    </message>
    <message>
        <source>Done. The results are saved and shown on each model's card.</source>
        <translation>Terminé. Les résultats sont enregistrés et affichés sur la fiche de chaque modèle.</translation>
    </message>
    <message>
        <source>did not load</source>
        <translation>non chargé</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{category}: {model}</source>
        <translation>{category} : {model}</translation>
    </message>
    <message>
        <source>no installed model reached {bar}%</source>
        <translation>aucun modèle installé n’atteint {bar} %</translation>
    </message>
    <message>
        <source>The smallest model right at least {bar}% of the time:</source>
        <translation>Le plus petit modèle juste au moins {bar} % du temps :</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Faits</translation>
    </message>
    <message>
        <source>Sums</source>
        <translation>Calculs</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Extraction</translation>
    </message>
    <message>
        <source>Rewriting</source>
        <translation>Réécriture</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Oui/non</translation>
    </message>
    <message>
        <source>Translating</source>
        <translation>Traduction</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Type a message first: the message is empty.</source>
        <translation>Écrivez d’abord un message : celui-ci est vide.</translation>
    </message>
</context>
<context>
    <name>EngineController</name>
    <message>
        <source>Could not load the model: {error}</source>
        <translation>Impossible de charger le modèle : {error}</translation>
    </message>
</context>
<context>
    <name>Equivalents</name>
    <message>
        <source>about 1 phone charge</source>
        <translation>environ 1 recharge de téléphone</translation>
    </message>
    <message>
        <source>about {n} phone charges</source>
        <translation>environ {n} recharges de téléphone</translation>
    </message>
    <message>
        <source>nothing of a phone charge</source>
        <translation>rien d’une recharge de téléphone</translation>
    </message>
    <message>
        <source>about {n}% of a phone charge</source>
        <translation>environ {n} % d’une recharge de téléphone</translation>
    </message>
    <message>
        <source>about 1/{n} of a phone charge</source>
        <translation>environ 1/{n} d’une recharge de téléphone</translation>
    </message>
    <message>
        <source>{n} of a second</source>
        <translation>{n} seconde</translation>
    </message>
    <message>
        <source>{n} second</source>
        <translation>{n} seconde</translation>
    </message>
    <message>
        <source>{n} seconds</source>
        <translation>{n} secondes</translation>
    </message>
    <message>
        <source>{n} minute</source>
        <translation>{n} minute</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minutes</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} heures</translation>
    </message>
    <message>
        <source>{n} hour</source>
        <translation>{n} heure</translation>
    </message>
    <message>
        <source>about {duration} of a {watts} W LED bulb</source>
        <translation>environ {duration} d’une ampoule LED de {watts} W</translation>
    </message>
    <message>
        <source>about {distance} by car</source>
        <translation>environ {distance} en voiture</translation>
    </message>
</context>
<context>
    <name>EquivalentsOne</name>
    <message>
        <source>about {n} phone charges</source>
        <translation>environ {n} recharge de téléphone</translation>
    </message>
</context>
<context>
    <name>Footprint</name>
    <message>
        <source>CO₂ and water use the electricity of {grid} ({co2} g CO₂e and {water} L of water per kWh).</source>
        <translation>Le CO₂ et l'eau sont calculés avec l'électricité de {grid} ({co2} g de CO₂e et {water} L d'eau par kWh).</translation>
    </message>
    <message>
        <source>Measured with the CPU's RAPL energy counters: the processor used {package} J in {wall} s; {idle} W of idle power measured at start-up ({idle_j} J) is taken off, and memory is counted at {ram} W ({ram_j} J).</source>
        <translation>Mesuré avec les compteurs d'énergie RAPL du processeur : il a consommé {package} J en {wall} s ; la consommation au repos mesurée au démarrage, {idle} W ({idle_j} J), est retranchée, et la mémoire est comptée à {ram} W ({ram_j} J).</translation>
    </message>
    <message>
        <source>Measured with the CPU's RAPL energy counters: the processor used {package} J in {wall} s; no idle power was measured, so none is taken off, and memory is counted at {ram} W ({ram_j} J).</source>
        <translation>Mesuré avec les compteurs d'énergie RAPL du processeur : il a consommé {package} J en {wall} s ; aucune consommation au repos n'a été mesurée, donc rien n'est retranché, et la mémoire est comptée à {ram} W ({ram_j} J).</translation>
    </message>
    <message>
        <source>The counters cover every program on the machine, not only this app.</source>
        <translation>Les compteurs couvrent tous les programmes de la machine, pas seulement cette application.</translation>
    </message>
    <message>
        <source>Range: the low end counts only this app's own memory; the high end keeps the idle power.</source>
        <translation>Fourchette : le bas ne compte que la mémoire de cette application ; le haut conserve la consommation au repos.</translation>
    </message>
    <message>
        <source>an unidentified CPU</source>
        <translation>un processeur non identifié</translation>
    </message>
    <message>
        <source>Estimated, because {reason}.</source>
        <translation>Estimé, car {reason}.</translation>
    </message>
    <message>
        <source>Estimated.</source>
        <translation>Estimé.</translation>
    </message>
    <message>
        <source>The CPU ({model}, rated {tdp} W for {threads} threads) is counted at {per_thread} W per busy thread ({cpu_j} J), and memory at {ram} W for the whole answer.</source>
        <translation>Le processeur ({model}, d'une puissance nominale de {tdp} W pour {threads} threads) est compté à {per_thread} W par thread occupé ({cpu_j} J), et la mémoire à {ram} W pendant toute la réponse.</translation>
    </message>
    <message>
        <source>The CPU ({model}, not in the table, so {tdp} W is assumed for {threads} threads) is counted at {per_thread} W per busy thread ({cpu_j} J), and memory at {ram} W for the whole answer.</source>
        <translation>Le processeur ({model}, absent du tableau, donc supposé à {tdp} W pour {threads} threads) est compté à {per_thread} W par thread occupé ({cpu_j} J), et la mémoire à {ram} W pendant toute la réponse.</translation>
    </message>
    <message>
        <source>This app used {cpu} s of CPU time in {wall} s.</source>
        <translation>Cette application a utilisé {cpu} s de temps processeur en {wall} s.</translation>
    </message>
    <message>
        <source>Range: the low end assumes half the rated power and only this app's memory; the high end shares the power among the {cores} physical cores instead of the threads.</source>
        <translation>Fourchette : le bas suppose la moitié de la puissance nominale et ne compte que la mémoire de cette application ; le haut répartit la puissance entre les {cores} cœurs physiques plutôt qu'entre les threads.</translation>
    </message>
</context>
<context>
    <name>FootprintDetailsDialog</name>
    <message>
        <source>What this answer cost</source>
        <translation>Ce qu'a coûté cette réponse</translation>
    </message>
    <message>
        <source>Details of this answer's cost</source>
        <translation>Détail du coût de cette réponse</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>What the numbers mean</source>
        <translation>Ce que signifient les chiffres</translation>
    </message>
    <message>
        <source>Close the help</source>
        <translation>Fermer l'aide</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>A token is a piece of a word: the model reads and writes text in pieces.</source>
        <translation>Un jeton est un morceau de mot : le modèle lit et écrit le texte morceau par morceau.</translation>
    </message>
    <message>
        <source>100 tokens are about 75 English words.</source>
        <translation>100 jetons correspondent à environ 75 mots en anglais.</translation>
    </message>
    <message>
        <source>Speed (tokens/s) and first word</source>
        <translation>Vitesse (jetons/s) et premier mot</translation>
    </message>
    <message>
        <source>Tokens per second (tokens/s) is how fast the answer was written.</source>
        <translation>Le nombre de jetons par seconde (jetons/s) indique à quelle vitesse la réponse a été écrite.</translation>
    </message>
    <message>
        <source>“First word after” is how long you waited before the answer started: the model first reads your whole message.</source>
        <translation>« Premier mot après » indique combien de temps vous avez attendu avant le début de la réponse : le modèle lit d'abord tout votre message.</translation>
    </message>
    <message>
        <source>Memory (RAM)</source>
        <translation>Mémoire (RAM)</translation>
    </message>
    <message>
        <source>RAM is the computer's working memory.</source>
        <translation>La RAM est la mémoire de travail de l'ordinateur.</translation>
    </message>
    <message>
        <source>The panel shows how much of it this app holds, the model included, beside the other programs and the total.</source>
        <translation>Le panneau indique la part qu'en occupe cette application, modèle compris, à côté des autres programmes et du total.</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>Processeur (CPU)</translation>
    </message>
    <message>
        <source>The CPU is the chip that does the computing.</source>
        <translation>Le CPU est la puce qui effectue les calculs.</translation>
    </message>
    <message>
        <source>The panel shows how busy it is, for this app and the whole computer.</source>
        <translation>Le panneau indique à quel point il est occupé, par cette application et par l'ensemble de l'ordinateur.</translation>
    </message>
    <message>
        <source>Energy (Wh, mWh)</source>
        <translation>Énergie (Wh, mWh)</translation>
    </message>
    <message>
        <source>Energy is the electricity the computer used to write the answer.</source>
        <translation>L'énergie est l'électricité que l'ordinateur a consommée pour écrire la réponse.</translation>
    </message>
    <message>
        <source>A watt-hour (Wh) is what a 1-watt device uses in one hour: a 10 W LED bulb uses 10 Wh in an hour, and a full phone charge is about 13 Wh.</source>
        <translation>Un wattheure (Wh) est ce que consomme en une heure un appareil de 1 watt : une ampoule LED de 10 W consomme 10 Wh en une heure, et une recharge complète de téléphone représente environ 13 Wh.</translation>
    </message>
    <message>
        <source>A milliwatt-hour (mWh) is a thousandth of a Wh, a µWh a millionth.</source>
        <translation>Un milliwattheure (mWh) est un millième de Wh, un µWh un millionième.</translation>
    </message>
    <message>
        <source>Measured or estimated</source>
        <translation>Mesuré ou estimé</translation>
    </message>
    <message>
        <source>“Measured” means the energy was read from the processor's own energy counter (RAPL, on Linux; usually only the administrator may read it).</source>
        <translation>« Mesuré » signifie que l'énergie a été lue sur le compteur d'énergie intégré au processeur (RAPL, sous Linux ; en général, seul l'administrateur peut le lire).</translation>
    </message>
    <message>
        <source>“Estimated” means it was calculated: the processor time this app used, times the processor's power, plus the memory's power.</source>
        <translation>« Estimé » signifie qu'elle a été calculée : le temps processeur utilisé par cette application, multiplié par la puissance du processeur, plus la puissance de la mémoire.</translation>
    </message>
    <message>
        <source>An estimate is shown as a range, because the real power depends on the computer.</source>
        <translation>Une estimation est présentée sous forme de fourchette, car la puissance réelle dépend de l'ordinateur.</translation>
    </message>
    <message>
        <source>CO₂ (g, mg) and the electricity grid</source>
        <translation>CO₂ (g, mg) et réseau électrique</translation>
    </message>
    <message>
        <source>CO₂ is the greenhouse gas released to produce the electricity used, in grams (g) or milligrams (mg, a thousandth of a gram).</source>
        <translation>Le CO₂ est le gaz à effet de serre rejeté pour produire l'électricité consommée, en grammes (g) ou en milligrammes (mg, un millième de gramme).</translation>
    </message>
    <message>
        <source>It depends on the electricity grid: the same answer emits less where power comes from water, nuclear, wind or sun than from coal or gas.</source>
        <translation>Il dépend du réseau électrique : une même réponse émet moins là où l'électricité vient de l'eau, du nucléaire, du vent ou du soleil que là où elle vient du charbon ou du gaz.</translation>
    </message>
    <message>
        <source>The grid is your country's by default and can be changed in Settings; the figures for each country come from EcoLogits.</source>
        <translation>Par défaut, le réseau est celui de votre pays ; vous pouvez le changer dans les Paramètres. Les chiffres de chaque pays proviennent d'EcoLogits.</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Eau</translation>
    </message>
    <message>
        <source>Water is what producing the electricity consumed, mostly evaporated in power stations; it also depends on the grid.</source>
        <translation>L'eau est celle qu'a consommée la production de l'électricité, surtout évaporée dans les centrales électriques ; elle dépend aussi du réseau.</translation>
    </message>
    <message>
        <source>The comparison with Llama 3.1 405B, and why it is a range</source>
        <translation>La comparaison avec Llama 3.1 405B, et pourquoi c'est une fourchette</translation>
    </message>
    <message>
        <source>Llama 3.1 405B is a very large model (405 billion parameters, the numbers it learned) that runs on graphics processors (GPUs) in a datacenter.</source>
        <translation>Llama 3.1 405B est un très grand modèle (405 milliards de paramètres, c'est-à-dire les nombres qu'il a appris) qui tourne sur des processeurs graphiques (GPU) dans un datacenter.</translation>
    </message>
    <message>
        <source>Nobody outside the datacenter can measure one of its answers, so the app shows a range.</source>
        <translation>Personne en dehors du datacenter ne peut mesurer l'une de ses réponses : l'application affiche donc une fourchette.</translation>
    </message>
    <message>
        <source>The high end comes from EcoLogits' model of a datacenter; the low end from ML.ENERGY's measurements of GPUs answering many people at once.</source>
        <translation>Le haut de la fourchette vient du modèle de datacenter d'EcoLogits ; le bas, des mesures de ML.ENERGY sur des GPU qui répondent à de nombreuses personnes en même temps.</translation>
    </message>
    <message>
        <source>Per word, a datacenter GPU is usually more efficient than a laptop: the savings come from using a far smaller model.</source>
        <translation>Par mot, un GPU de datacenter est généralement plus efficace qu'un ordinateur portable : les économies viennent du fait d'utiliser un modèle beaucoup plus petit.</translation>
    </message>
    <message>
        <source>The training card</source>
        <translation>La fiche sur l'entraînement</translation>
    </message>
    <message>
        <source>Before it can answer anything, a model is trained once on a huge amount of text.</source>
        <translation>Avant de pouvoir répondre à quoi que ce soit, un modèle est entraîné une fois pour toutes sur une énorme quantité de texte.</translation>
    </message>
    <message>
        <source>The card shows that one-off cost for the 405B model: Meta's own figures beside those of the article “Smaller is smarter”, and where they disagree.</source>
        <translation>La fiche montre ce coût, payé une seule fois, pour le modèle 405B : les chiffres de Meta à côté de ceux de l'article « Smaller is smarter », et les points où ils divergent.</translation>
    </message>
    <message>
        <source>EcoLogits: electricity grids and the datacenter model</source>
        <translation>EcoLogits : réseaux électriques et modèle de datacenter</translation>
    </message>
    <message>
        <source>ML.ENERGY: energy measured on datacenter GPUs</source>
        <translation>ML.ENERGY : énergie mesurée sur des GPU de datacenter</translation>
    </message>
    <message>
        <source>CodeCarbon: how this computer's energy is estimated</source>
        <translation>CodeCarbon : comment l'énergie de cet ordinateur est estimée</translation>
    </message>
    <message>
        <source>Linux RAPL energy counters</source>
        <translation>Compteurs d'énergie RAPL de Linux</translation>
    </message>
    <message>
        <source>Meta's Llama 3.1 model card: training figures</source>
        <translation>Fiche du modèle Llama 3.1 de Meta : chiffres de l'entraînement</translation>
    </message>
    <message>
        <source>Opening a source link uses the internet; nothing else in Smaller does.</source>
        <translation>Ouvrir le lien d'une source utilise Internet ; rien d'autre dans Smaller ne le fait.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>There is not enough free disk space to copy this model ({needed} needed, {free} free). Free up some space, or import it without copying.</source>
        <translation>Il n'y a pas assez d'espace libre sur le disque pour copier ce modèle ({needed} nécessaires, {free} libres). Libérez de la place, ou importez-le sans le copier.</translation>
    </message>
    <message>
        <source>The model could not be copied into {folder}.</source>
        <translation>Le modèle n'a pas pu être copié dans {folder}.</translation>
    </message>
    <message>
        <source>This model is already installed as “{name}”.</source>
        <translation>Ce modèle est déjà installé sous le nom « {name} ».</translation>
    </message>
</context>
<context>
    <name>InstructionsLine</name>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit the instructions for this chat</source>
        <translation>Modifier les instructions de cette conversation</translation>
    </message>
    <message>
        <source>Change or remove the instructions for this chat</source>
        <translation>Modifier ou retirer les instructions de cette conversation</translation>
    </message>
    <message>
        <source>Instructions for this chat: {text}</source>
        <translation>Instructions pour cette conversation : {text}</translation>
    </message>
    <message>
        <source>The model's standing instructions: {text}</source>
        <translation>Instructions permanentes du modèle : {text}</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>The number of processor threads must be a whole number from {low} to {high} (this computer's logical cores), not {value}.</source>
        <translation>Le nombre de threads du processeur doit être un nombre entier de {low} à {high} (les cœurs logiques de cet ordinateur), et non {value}.</translation>
    </message>
    <message>
        <source>The context window must be a whole number of tokens from {low} to {high}, not {value}.</source>
        <translation>La fenêtre de contexte doit être un nombre entier de jetons de {low} à {high}, et non {value}.</translation>
    </message>
    <message>
        <source>The longest answer must be a whole number of tokens from {low} to {high}, not {value}.</source>
        <translation>La longueur maximale d’une réponse doit être un nombre entier de jetons de {low} à {high}, et non {value}.</translation>
    </message>
    <message>
        <source>The number of rounds must be a whole number from {low} to {high}, not {value}.</source>
        <translation>Le nombre de tours doit être un nombre entier de {low} à {high}, et non {value}.</translation>
    </message>
    <message>
        <source>The creativity (temperature) must be a number from {low} to {high}, not {value}.</source>
        <translation>La créativité (température) doit être un nombre de {low} à {high}, et non {value}.</translation>
    </message>
    <message>
        <source>“{zone}” is not an electricity grid zone Smaller knows.</source>
        <translation>« {zone} » n’est pas une zone de réseau électrique connue de Smaller.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Smaller</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Envoyer le message (Entrée)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Arrêter la réponse (Échap)</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Consignes…</translation>
    </message>
    <message>
        <source>Standing instructions for this chat, for example “Answer in French” or “Be brief”</source>
        <translation>Instructions permanentes pour cette conversation, par exemple « Répondez en anglais » ou « Soyez bref »</translation>
    </message>
    <message>
        <source>Compare this chat with 405B</source>
        <translation>Comparer cette conversation avec 405B</translation>
    </message>
    <message>
        <source>All the answers of this chat, beside the same on Llama 3.1 405B in a datacenter</source>
        <translation>Toutes les réponses de cette conversation, à côté des mêmes réponses avec Llama 3.1 405B dans un centre de données</translation>
    </message>
    <message>
        <source>Your chats are being saved again.</source>
        <translation>Vos conversations sont de nouveau enregistrées.</translation>
    </message>
    <message>
        <source>No model is loaded: choose one in File › Models… first.</source>
        <translation>Aucun modèle n'est chargé : choisissez-en un d'abord dans Fichier › Modèles…</translation>
    </message>
    <message>
        <source>How fast the last answer was written. A token is a piece of a word: 100 tokens are about 75 English words.</source>
        <translation>La vitesse à laquelle la dernière réponse a été écrite. Un jeton est un morceau de mot : 100 jetons font environ 75 mots en anglais.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>&amp;Nouvelle conversation</translation>
    </message>
    <message>
        <source>&amp;Open model file…</source>
        <translation>&amp;Ouvrir un fichier de modèle…</translation>
    </message>
    <message>
        <source>&amp;Export chat…</source>
        <translation>&amp;Exporter la discussion…</translation>
    </message>
    <message>
        <source>&amp;Documents…</source>
        <translation>&amp;Documents…</translation>
    </message>
    <message>
        <source>Your own files, to ask questions about them</source>
        <translation>Vos propres fichiers, pour poser des questions à leur sujet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Resource panel</source>
        <translation>&amp;Panneau des ressources</translation>
    </message>
    <message>
        <source>&amp;Demo mode (for a projector)</source>
        <translation>Mode &amp;démonstration (pour un projecteur)</translation>
    </message>
    <message>
        <source>Larger text, ready questions and the 405B comparison beside every answer</source>
        <translation>Texte plus grand, questions toutes prêtes et comparaison avec 405B à côté de chaque réponse</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Plein écran</translation>
    </message>
    <message>
        <source>&amp;Compare models…</source>
        <translation>&amp;Comparer des modèles…</translation>
    </message>
    <message>
        <source>&amp;Test drive…</source>
        <translation>&amp;Essai des modèles…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modèles…</translation>
    </message>
    <message>
        <source>See which models fit this computer, download or import one</source>
        <translation>Voir quels modèles conviennent à cet ordinateur, en télécharger ou en importer un</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Rename chat</source>
        <translation>Renommer la conversation</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>&amp;Bienvenue…</translation>
    </message>
    <message>
        <source>What the &amp;numbers mean</source>
        <translation>Ce que signifient les &amp;chiffres</translation>
    </message>
    <message>
        <source>&amp;About Smaller</source>
        <translation>À &amp;propos de Smaller</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Autres menus</translation>
    </message>
    <message>
        <source>this chat</source>
        <translation>cette conversation</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation>Supprimer la conversation</translation>
    </message>
    <message>
        <source>Delete “{title}” and all its messages?</source>
        <translation>Supprimer « {title} » et tous ses messages ?</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Cette action est définitive.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <source>Standing instructions the model follows in this chat:</source>
        <translation>Instructions permanentes que le modèle suit dans cette conversation :</translation>
    </message>
    <message>
        <source>Chat saved to {path}</source>
        <translation>Discussion enregistrée dans {path}</translation>
    </message>
    <message>
        <source>Last answer: {figures}</source>
        <translation>Dernière réponse : {figures}</translation>
    </message>
    <message>
        <source>No measured answer to compare yet: ask something.</source>
        <translation>Aucune réponse mesurée à comparer pour l’instant : posez une question.</translation>
    </message>
    <message>
        <source>Wait for this answer, or press Stop, before asking the next question.</source>
        <translation>Attendez la fin de cette réponse, ou appuyez sur Arrêter, avant de poser la question suivante.</translation>
    </message>
</context>
<context>
    <name>MemoryPicture</name>
    <message>
        <source>Picture: the memory each model needs, in laptops and GPUs</source>
        <translation>Image : la mémoire dont chaque modèle a besoin, en ordinateurs portables et en GPU</translation>
    </message>
    <message>
        <source>This model: {pct}% of one 16 GB laptop</source>
        <translation>Ce modèle : {pct} % d'un ordinateur portable de 16 Go</translation>
    </message>
    <message>
        <source>405B in {bits}: {n} laptops of 16 GB</source>
        <translation>405B en {bits} : {n} ordinateurs portables de 16 Go</translation>
    </message>
    <message>
        <source>405B served in 16-bit: {n} GPUs of 80 GB</source>
        <translation>405B servi en 16 bits : {n} GPU de 80 Go</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>Stopped</source>
        <translation>Interrompue</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>En cours d’écriture…</translation>
    </message>
    <message>
        <source>Stopped by you.</source>
        <translation>Arrêté à votre demande.</translation>
    </message>
    <message>
        <source>Stopped: the window was closed before the answer finished.</source>
        <translation>Arrêté : la fenêtre a été fermée avant la fin de la réponse.</translation>
    </message>
    <message>
        <source>Continued after a stop. The figures below are those of the continuation; the part written before counts in the totals too.</source>
        <translation>Reprise après un arrêt. Les chiffres ci-dessous sont ceux de la suite ; la partie écrite avant compte aussi dans les totaux.</translation>
    </message>
    <message>
        <source>Interrupted: the app closed before the answer finished. The text written until then is kept.</source>
        <translation>Interrompu : l'application s'est fermée avant la fin de la réponse. Le texte écrit jusque-là est conservé.</translation>
    </message>
    <message>
        <source>The model gave no answer.</source>
        <translation>Le modèle n'a donné aucune réponse.</translation>
    </message>
    <message>
        <source>The oldest exchange of this chat no longer fits in the model's memory and was left out of this answer.</source>
        <translation>L'échange le plus ancien de cette conversation ne tient plus dans la mémoire du modèle : il n'a pas été pris en compte pour cette réponse.</translation>
    </message>
    <message>
        <source>The {n} oldest exchanges of this chat no longer fit in the model's memory and were left out of this answer.</source>
        <translation>Les {n} échanges les plus anciens de cette conversation ne tiennent plus dans la mémoire du modèle : ils n'ont pas été pris en compte pour cette réponse.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy this answer to the clipboard</source>
        <translation>Copier cette réponse dans le presse-papiers</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Ask the model to answer this message again</source>
        <translation>Demander au modèle de répondre à nouveau à ce message</translation>
    </message>
    <message>
        <source>Compare with 405B</source>
        <translation>Comparer avec 405B</translation>
    </message>
    <message>
        <source>What the same answer would have cost on Llama 3.1 405B, a model about 3,000 times bigger, in a datacenter</source>
        <translation>Ce que la même réponse aurait coûté avec Llama 3.1 405B, un modèle environ 3 000 fois plus gros, dans un centre de données</translation>
    </message>
    <message>
        <source>Message from {author}</source>
        <translation>Message de {author}</translation>
    </message>
    <message>
        <source>Message from {author}: {words}</source>
        <translation>Message de {author} : {words}</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Version précédente</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Version suivante</translation>
    </message>
    <message>
        <source>Version {n} of {count}</source>
        <translation>Version {n} sur {count}</translation>
    </message>
    <message>
        <source>Edit your message</source>
        <translation>Modifier votre message</translation>
    </message>
    <message>
        <source>Your message (it will be answered again):</source>
        <translation>Votre message (il recevra une nouvelle réponse) :</translation>
    </message>
    <message>
        <source>Sending the edited message removes the message that follows its answer. Its cost stays in your totals. Continue?</source>
        <translation>Envoyer le message modifié retire le message qui suit sa réponse. Son coût reste dans vos totaux. Continuer ?</translation>
    </message>
    <message>
        <source>Sending the edited message removes the {n} messages that follow its answer. Their cost stays in your totals. Continue?</source>
        <translation>Envoyer le message modifié retire les {n} messages qui suivent sa réponse. Leur coût reste dans vos totaux. Continuer ?</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>it looks like a web page</source>
        <translation>il ressemble à une page web</translation>
    </message>
    <message>
        <source>it is only a small placeholder for the model, not the model itself</source>
        <translation>ce n'est qu'un petit fichier qui tient la place du modèle, pas le modèle lui-même</translation>
    </message>
    <message>
        <source>it is in an older model format this app cannot use</source>
        <translation>il est dans un ancien format de modèle que cette application ne peut pas utiliser</translation>
    </message>
    <message>
        <source>it looks like a ZIP archive</source>
        <translation>il ressemble à une archive ZIP</translation>
    </message>
    <message>
        <source>it looks like a Safetensors model; look for a GGUF version of it</source>
        <translation>il ressemble à un modèle Safetensors ; cherchez-en une version GGUF</translation>
    </message>
    <message>
        <source>Download the model again or choose another file.</source>
        <translation>Téléchargez à nouveau le modèle ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>The model file “{name}” could not be found.</source>
        <translation>Le fichier de modèle « {name} » est introuvable.</translation>
    </message>
    <message>
        <source>The model file “{name}” could not be opened.</source>
        <translation>Le fichier de modèle « {name} » n'a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>“{name}” is a folder or device, not a model file. Choose a model file.</source>
        <translation>« {name} » est un dossier ou un périphérique, pas un fichier de modèle. Choisissez un fichier de modèle.</translation>
    </message>
    <message>
        <source>The model file “{name}” is empty, so its download probably failed.</source>
        <translation>Le fichier de modèle « {name} » est vide : son téléchargement a sans doute échoué.</translation>
    </message>
    <message>
        <source>The model file “{name}” is incomplete (it stops after {size}), probably because its download was interrupted. Download it again.</source>
        <translation>Le fichier de modèle « {name} » est incomplet (il s'arrête après {size}), sans doute parce que son téléchargement a été interrompu. Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>The model file “{name}” could not be read.</source>
        <translation>Le fichier de modèle « {name} » n'a pas pu être lu.</translation>
    </message>
    <message>
        <source>This file is not a GGUF model file ({what}).</source>
        <translation>Ce fichier n'est pas un fichier de modèle GGUF ({what}).</translation>
    </message>
    <message>
        <source>This file is not a GGUF model file.</source>
        <translation>Ce fichier n'est pas un fichier de modèle GGUF.</translation>
    </message>
    <message>
        <source>This model file uses a version of the GGUF format ({version}) that this app cannot read.</source>
        <translation>Ce fichier de modèle utilise une version du format GGUF ({version}) que cette application ne sait pas lire.</translation>
    </message>
    <message>
        <source>The model file “{name}” is damaged and cannot be read.</source>
        <translation>Le fichier de modèle « {name} » est endommagé et ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Choose a different model.</source>
        <translation>Choisissez un autre modèle.</translation>
    </message>
    <message>
        <source>This app cannot run this kind of model ({architecture}).</source>
        <translation>Cette application ne peut pas faire tourner ce type de modèle ({architecture}).</translation>
    </message>
    <message>
        <source>This app cannot run this kind of model.</source>
        <translation>Cette application ne peut pas faire tourner ce type de modèle.</translation>
    </message>
    <message>
        <source>This model needs a newer engine than the one built into this app.</source>
        <translation>Ce modèle demande un moteur plus récent que celui intégré à cette application.</translation>
    </message>
    <message>
        <source>This size of Gemma 2 model would crash this app’s engine, so it was not loaded.</source>
        <translation>Un modèle Gemma 2 de cette taille ferait planter le moteur de cette application : il n'a donc pas été chargé.</translation>
    </message>
    <message>
        <source>This model needs about {needed} of memory, but only {free} is free right now. Close other programs, or choose a smaller model.</source>
        <translation>Ce modèle a besoin d'environ {needed} de mémoire, mais seulement {free} sont libres en ce moment. Fermez d'autres programmes, ou choisissez un modèle plus petit.</translation>
    </message>
</context>
<context>
    <name>ModelSettingsDialog</name>
    <message>
        <source>Settings for {name}</source>
        <translation>Paramètres de {name}</translation>
    </message>
    <message>
        <source>Custom template</source>
        <translation>Format personnalisé</translation>
    </message>
    <message>
        <source>Prompt format</source>
        <translation>Format des messages</translation>
    </message>
    <message>
        <source>How a conversation is written out for this model. The wrong format gives odd or endless answers.</source>
        <translation>La façon dont la conversation est présentée à ce modèle. Un mauvais format donne des réponses bizarres ou sans fin.</translation>
    </message>
    <message>
        <source>For example: ### User: %1 ### Assistant: %2</source>
        <translation>Par exemple : ### User: %1 ### Assistant: %2</translation>
    </message>
    <message>
        <source>Write %1 where your message goes and %2 where the answer goes.</source>
        <translation>Écrivez %1 à la place de votre message et %2 à la place de la réponse.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Texte du format</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <source>Standing instructions for every chat with this model. A chat's own system prompt replaces it.</source>
        <translation>Instructions permanentes pour chaque conversation avec ce modèle. Les consignes propres à une conversation les remplacent.</translation>
    </message>
    <message>
        <source>Creativity</source>
        <translation>Créativité</translation>
    </message>
    <message>
        <source>Creativity (temperature)</source>
        <translation>Créativité (température)</translation>
    </message>
    <message>
        <source>Context length in tokens</source>
        <translation>Longueur du contexte en jetons</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Longueur du contexte (jetons)</translation>
    </message>
    <message>
        <source>How much of the conversation the model keeps in mind. More uses more memory.</source>
        <translation>La part de la conversation que le modèle garde en tête. Plus la valeur est grande, plus il utilise de mémoire.</translation>
    </message>
    <message>
        <source>Automatic ({n})</source>
        <translation>Automatique ({n})</translation>
    </message>
    <message>
        <source>Processor threads</source>
        <translation>Threads du processeur</translation>
    </message>
</context>
<context>
    <name>ModelStatus</name>
    <message>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>Chargement du modèle</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>Chargement de {name}…</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Ouvrir un fichier de modèle</translation>
    </message>
    <message>
        <source>Model files (*.gguf)</source>
        <translation>Fichiers de modèle (*.gguf)</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Modèle : {name}</translation>
    </message>
    <message>
        <source>“{asked}” could not be opened: {reason} Smaller goes on with “{kept}”.</source>
        <translation>« {asked} » n'a pas pu être ouvert : {reason} Smaller continue avec « {kept} ».</translation>
    </message>
    <message>
        <source>Use File › Models… to choose another.</source>
        <translation>Choisissez-en un autre dans Fichier › Modèles…</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>SmolLM2 135M Instruct (built in)</source>
        <translation>SmolLM2 135M Instruct (intégré)</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Chat with this model in the main window</source>
        <translation>Discuter avec ce modèle dans la fenêtre principale</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Prompt format, system prompt, temperature, context length and threads for this model</source>
        <translation>Format des messages, consignes, température, longueur du contexte et threads du processeur pour ce modèle</translation>
    </message>
    <message>
        <source>Import a model file…</source>
        <translation>Importer un fichier de modèle…</translation>
    </message>
    <message>
        <source>Copy imported files into the models folder</source>
        <translation>Copier les fichiers importés dans le dossier des modèles</translation>
    </message>
    <message>
        <source>Unticked, the file stays where it is and must not be moved</source>
        <translation>Si la case est décochée, le fichier reste où il est et ne doit pas être déplacé</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>Actualiser la liste</translation>
    </message>
    <message>
        <source>Fetch the current list of models from GPT4All (uses the internet)</source>
        <translation>Récupérer la liste actuelle des modèles auprès de GPT4All (utilise Internet)</translation>
    </message>
    <message>
        <source>Restore the built-in model</source>
        <translation>Rétablir le modèle intégré</translation>
    </message>
    <message>
        <source>Test drive…</source>
        <translation>Essai des modèles…</translation>
    </message>
    <message>
        <source>Everyday tasks on every installed model: how often each is right, and at what energy</source>
        <translation>Des tâches de tous les jours sur chaque modèle installé : combien de fois chacun a juste, et pour quelle énergie</translation>
    </message>
    <message>
        <source>shipped with the app</source>
        <translation>fournie avec l’application</translation>
    </message>
    <message>
        <source>refreshed</source>
        <translation>actualisée</translation>
    </message>
    <message>
        <source>Models from GPT4All's list of {date} ({origin}). This computer has {total} of memory, {free} free now.</source>
        <translation>Modèles de la liste GPT4All du {date} ({origin}). Cet ordinateur a {total} de mémoire, dont {free} libres en ce moment.</translation>
    </message>
    <message>
        <source>From the last test drive:</source>
        <translation>D’après le dernier essai :</translation>
    </message>
    <message>
        <source>“{name}” was not removed: the other model could not be loaded, so it is still in use.</source>
        <translation>« {name} » n'a pas été supprimé : l'autre modèle n'a pas pu être chargé, il reste donc utilisé.</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>Reprendre le téléchargement</translation>
    </message>
    <message>
        <source>Another download is not finished: wait for it, or cancel it first.</source>
        <translation>Un autre téléchargement n’est pas terminé : attendez qu’il finisse, ou annulez-le d’abord.</translation>
    </message>
    <message>
        <source>“{name}” is downloaded and checked. Press Use to chat with it.</source>
        <translation>« {name} » est téléchargé et vérifié. Cliquez sur Utiliser pour discuter avec lui.</translation>
    </message>
    <message>
        <source>The download of “{name}” did not finish. {reason}</source>
        <translation>Le téléchargement de « {name} » ne s’est pas terminé. {reason}</translation>
    </message>
    <message>
        <source>The download of “{name}” was cancelled and its part deleted.</source>
        <translation>Le téléchargement de « {name} » a été annulé et la partie déjà téléchargée a été supprimée.</translation>
    </message>
    <message>
        <source>“{name}” is now the model of the chat window.</source>
        <translation>« {name} » est maintenant le modèle de la fenêtre de conversation.</translation>
    </message>
    <message>
        <source>Hide the built-in model “{name}”? “Restore the built-in model” brings it back.</source>
        <translation>Masquer le modèle intégré « {name} » ? « Rétablir le modèle intégré » le fera revenir.</translation>
    </message>
    <message>
        <source>Remove “{name}” from this list? The file itself stays where it is.</source>
        <translation>Retirer « {name} » de cette liste ? Le fichier lui-même reste où il est.</translation>
    </message>
    <message>
        <source>Remove “{name}”? Its file ({size}) will be deleted from this computer.</source>
        <translation>Retirer « {name} » ? Son fichier ({size}) sera supprimé de cet ordinateur.</translation>
    </message>
    <message>
        <source>“{name}” is the only model: install another one before removing it.</source>
        <translation>« {name} » est le seul modèle : installez-en un autre avant de le supprimer.</translation>
    </message>
    <message>
        <source>It is the model in use: Smaller will switch to “{other}” first.</source>
        <translation>C'est le modèle utilisé : Smaller passera d'abord à « {other} ».</translation>
    </message>
    <message>
        <source>Remove a model</source>
        <translation>Retirer un modèle</translation>
    </message>
    <message>
        <source>Switching to “{name}”…</source>
        <translation>Passage à « {name} »…</translation>
    </message>
    <message>
        <source>“{name}” could not be removed: {reason}</source>
        <translation>« {name} » n’a pas pu être retiré : {reason}</translation>
    </message>
    <message>
        <source>“{name}” was removed.</source>
        <translation>« {name} » a été retiré.</translation>
    </message>
    <message>
        <source>The built-in model is back in the list.</source>
        <translation>Le modèle intégré est de retour dans la liste.</translation>
    </message>
    <message>
        <source>Settings for “{name}” saved.</source>
        <translation>Paramètres de « {name} » enregistrés.</translation>
    </message>
    <message>
        <source>Import a model file</source>
        <translation>Importer un fichier de modèle</translation>
    </message>
    <message>
        <source>Model files (*.gguf);;All files (*)</source>
        <translation>Fichiers de modèle (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Checking “{name}”…</source>
        <translation>Vérification de « {name} »…</translation>
    </message>
    <message>
        <source>Copying the model into the models folder: {percent}%</source>
        <translation>Copie du modèle dans le dossier des modèles : {percent} %</translation>
    </message>
    <message>
        <source>“{name}” was imported. Its prompt format, {format}, was read from the file: change it in Settings… if its answers look wrong.</source>
        <translation>« {name} » a été importé. Son format des messages, {format}, a été lu dans le fichier : modifiez-le dans Paramètres… si ses réponses semblent incorrectes.</translation>
    </message>
    <message>
        <source>The file's chat template was not recognised, so {format} was assumed. Choose the format its makers give.</source>
        <translation>Le format de conversation indiqué dans le fichier n’a pas été reconnu : {format} a donc été choisi par défaut. Choisissez le format indiqué par les créateurs du modèle.</translation>
    </message>
    <message>
        <source>“{name}” was imported. Check its prompt format.</source>
        <translation>« {name} » a été importé. Vérifiez son format des messages.</translation>
    </message>
    <message>
        <source>The file was not imported. {reason}</source>
        <translation>Le fichier n’a pas été importé. {reason}</translation>
    </message>
    <message>
        <source>Fetching the current list of models…</source>
        <translation>Récupération de la liste actuelle des modèles…</translation>
    </message>
    <message>
        <source>The list is up to date. Models this app can run: {n}.</source>
        <translation>La liste est à jour. Modèles utilisables par cette application : {n}.</translation>
    </message>
    <message>
        <source>The list was not updated; the previous one is still shown. {reason}</source>
        <translation>La liste n’a pas été mise à jour ; l’ancienne reste affichée. {reason}</translation>
    </message>
</context>
<context>
    <name>ModelsTable</name>
    <message>
        <source>{n} billion</source>
        <translation>{n} milliards</translation>
    </message>
    <message>
        <source>{n} million</source>
        <translation>{n} millions</translation>
    </message>
    <message>
        <source>✓ Fits</source>
        <translation>✓ Convient</translation>
    </message>
    <message>
        <source>Fits: it needs about {need} of memory and {free} is free now, with room to spare.</source>
        <translation>Convient : il lui faut environ {need} de mémoire et {free} sont libres en ce moment, avec de la marge.</translation>
    </message>
    <message>
        <source>! Tight</source>
        <translation>! Juste</translation>
    </message>
    <message>
        <source>Tight: it needs about {need} of memory and only {free} is free now. Close other programs before using it, or it may be slow.</source>
        <translation>Juste : il lui faut environ {need} de mémoire et seulement {free} sont libres en ce moment. Fermez d’autres programmes avant de l’utiliser, sinon il risque d’être lent.</translation>
    </message>
    <message>
        <source>✗ Won't fit</source>
        <translation>✗ Trop gros</translation>
    </message>
    <message>
        <source>Won't fit: it needs about {need} of memory, more than this computer's {total} can give.</source>
        <translation>Trop gros : il lui faut environ {need} de mémoire, plus que ce que les {total} de cet ordinateur peuvent offrir.</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Intégré</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installé</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Imported (linked)</source>
        <translation>Importé (lié)</translation>
    </message>
    <message>
        <source>Installed for everyone</source>
        <translation>Installé pour tous</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Téléchargement…</translation>
    </message>
    <message>
        <source>Stopped at {percent}%</source>
        <translation>Arrêté à {percent} %</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Non téléchargé</translation>
    </message>
    <message>
        <source>On this computer: {correct}/{total} everyday tasks right</source>
        <translation>Sur cet ordinateur : {correct}/{total} tâches de tous les jours justes</translation>
    </message>
    <message>
        <source>, {energy} per answer</source>
        <translation>, {energy} par réponse</translation>
    </message>
    <message>
        <source>Built in: tiny and fast, for short and simple answers.</source>
        <translation>Intégré : tout petit et rapide, pour des réponses courtes et simples.</translation>
    </message>
    <message>
        <source>Imported from a file ({architecture} model).</source>
        <translation>Importé depuis un fichier (modèle {architecture}).</translation>
    </message>
    <message>
        <source>Imported from a file.</source>
        <translation>Importé depuis un fichier.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Good at</source>
        <translation>Points forts</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Taille du fichier</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Mémoire nécessaire</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>● {name}</source>
        <translation>● {name}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <source>about {size}</source>
        <translation>environ {size}</translation>
    </message>
</context>
<context>
    <name>ModelsTableOne</name>
    <message>
        <source>{n} billion</source>
        <translation>{n} milliard</translation>
    </message>
    <message>
        <source>{n} million</source>
        <translation>{n} million</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PassageDialog</name>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
</context>
<context>
    <name>ProgramsView</name>
    <message>
        <source>No requests yet.</source>
        <translation>Aucune requête pour l'instant.</translation>
    </message>
    <message>
        <source>{n} request</source>
        <translation>{n} requête</translation>
    </message>
    <message>
        <source>{n} requests</source>
        <translation>{n} requêtes</translation>
    </message>
    <message>
        <source>{requests} · {tokens} tokens · {energy} · {co2} CO₂ ({method})</source>
        <translation>{requests} · {tokens} jetons · {energy} · {co2} de CO₂ ({method})</translation>
    </message>
    <message>
        <source>{e_low} to {e_high} · {c_low} to {c_high} CO₂ (estimated)</source>
        <translation>{e_low} à {e_high} · {c_low} à {c_high} de CO₂ (estimé)</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>In total</source>
        <translation>Au total</translation>
    </message>
    <message>
        <source>Same work on Llama 3.1 405B, today</source>
        <translation>Même travail sur Llama 3.1 405B, aujourd'hui</translation>
    </message>
    <message>
        <source>Same work on Llama 3.1 405B, in total</source>
        <translation>Même travail sur Llama 3.1 405B, au total</translation>
    </message>
    <message>
        <source>The 405B figures are estimates for the same prompt and answer tokens in a datacenter: the low end from ML.ENERGY's measurements, the high end from EcoLogits (as in the comparison under an answer). Each request's own figures come back to the program in usage.x_smaller.</source>
        <translation>Les chiffres du 405B sont des estimations pour les mêmes jetons de requête et de réponse dans un centre de données : le bas de la fourchette d'après les mesures de ML.ENERGY, le haut d'après EcoLogits (comme dans la comparaison sous une réponse). Les chiffres de chaque requête sont renvoyés au programme dans usage.x_smaller.</translation>
    </message>
    <message>
        <source>Programs can use Smaller at {url}.</source>
        <translation>Les programmes peuvent utiliser Smaller à l'adresse {url}.</translation>
    </message>
    <message>
        <source>Off: turn it on in Settings to let programs on this computer use Smaller.</source>
        <translation>Désactivé : activez-le dans les Paramètres pour que les programmes de cet ordinateur puissent utiliser Smaller.</translation>
    </message>
    <message>
        <source>&amp;Programs…</source>
        <translation>&amp;Programmes…</translation>
    </message>
    <message>
        <source>Answering a program ({n} request in progress)</source>
        <translation>Réponse à un programme ({n} requête en cours)</translation>
    </message>
    <message>
        <source>Answering programs ({n} requests in progress)</source>
        <translation>Réponse à des programmes ({n} requêtes en cours)</translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter for a new line)</source>
        <translation>Écrivez un message… (Entrée pour envoyer, Maj+Entrée pour aller à la ligne)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>RatioChart</name>
    <message>
        <source>Chart: how many times more the 405B model uses</source>
        <translation>Graphique : combien de fois plus le modèle 405B consomme</translation>
    </message>
    <message>
        <source>The 405B model ÷ this computer, log scale (light: low estimate, dark: high; line: the same)</source>
        <translation>Le modèle 405B ÷ cet ordinateur, échelle logarithmique (clair : estimation basse, foncé : haute ; trait : autant)</translation>
    </message>
</context>
<context>
    <name>RatioWords</name>
    <message>
        <source>this answer</source>
        <translation>cette réponse</translation>
    </message>
    <message>
        <source>this chat ({n} answers)</source>
        <translation>cette conversation ({n} réponses)</translation>
    </message>
    <message>
        <source>No comparison of energy: nothing was measured.</source>
        <translation>Pas de comparaison de l’énergie : rien n’a été mesuré.</translation>
    </message>
    <message>
        <source>Too small to measure: the energy this computer used for {scope} is below what the meter can tell apart from nothing.</source>
        <translation>Trop petit pour être mesuré : l'énergie utilisée par cet ordinateur pour {scope} est en dessous de ce que la mesure peut distinguer de zéro.</translation>
    </message>
    <message>
        <source>The 405B model would have used {amount} more energy for {scope}.</source>
        <translation>Le modèle 405B aurait utilisé {amount} plus d'énergie pour {scope}.</translation>
    </message>
    <message>
        <source>This computer used {amount} more energy for {scope} than the 405B model would have.</source>
        <translation>Cet ordinateur a utilisé {amount} plus d'énergie pour {scope} que ne l'aurait fait le modèle 405B.</translation>
    </message>
    <message>
        <source>The 405B model would have used about as much energy for {scope} as this computer.</source>
        <translation>Le modèle 405B aurait utilisé à peu près autant d'énergie que cet ordinateur pour {scope}.</translation>
    </message>
    <message>
        <source>Too close to call: the 405B model would have used between {less} times less and {more} times more energy for {scope}.</source>
        <translation>Trop proche pour trancher : le modèle 405B aurait utilisé entre {less} fois moins et {more} fois plus d'énergie pour {scope}.</translation>
    </message>
    <message>
        <source>Too small to measure: the CO₂ of this computer's electricity for {scope} is below what the meter can tell apart from nothing.</source>
        <translation>Trop petit pour être mesuré : le CO₂ de l'électricité de cet ordinateur pour {scope} est en dessous de ce que la mesure peut distinguer de zéro.</translation>
    </message>
    <message>
        <source>The 405B model would have emitted {amount} more CO₂ for {scope}.</source>
        <translation>Le modèle 405B aurait émis {amount} plus de CO₂ pour {scope}.</translation>
    </message>
    <message>
        <source>This computer emitted {amount} more CO₂ for {scope} than the 405B model would have.</source>
        <translation>Cet ordinateur a émis {amount} plus de CO₂ pour {scope} que ne l'aurait fait le modèle 405B.</translation>
    </message>
    <message>
        <source>The 405B model would have emitted about as much CO₂ for {scope} as this computer.</source>
        <translation>Le modèle 405B aurait émis à peu près autant de CO₂ que cet ordinateur pour {scope}.</translation>
    </message>
    <message>
        <source>Too close to call: the 405B model would have emitted between {less} times less and {more} times more CO₂ for {scope}.</source>
        <translation>Trop proche pour trancher : le modèle 405B aurait émis entre {less} fois moins et {more} fois plus de CO₂ pour {scope}.</translation>
    </message>
    <message>
        <source>Too small to measure: the water behind this computer's electricity for {scope} is below what the meter can tell apart from nothing.</source>
        <translation>Trop petit pour être mesuré : l'eau derrière l'électricité de cet ordinateur pour {scope} est en dessous de ce que la mesure peut distinguer de zéro.</translation>
    </message>
    <message>
        <source>The 405B model would have consumed {amount} more water for {scope}.</source>
        <translation>Le modèle 405B aurait consommé {amount} plus d'eau pour {scope}.</translation>
    </message>
    <message>
        <source>This computer consumed {amount} more water for {scope} than the 405B model would have.</source>
        <translation>Cet ordinateur a consommé {amount} plus d'eau pour {scope} que ne l'aurait fait le modèle 405B.</translation>
    </message>
    <message>
        <source>The 405B model would have consumed about as much water for {scope} as this computer.</source>
        <translation>Le modèle 405B aurait consommé à peu près autant d'eau que cet ordinateur pour {scope}.</translation>
    </message>
    <message>
        <source>Too close to call: the 405B model would have consumed between {less} times less and {more} times more water for {scope}.</source>
        <translation>Trop proche pour trancher : le modèle 405B aurait consommé entre {less} fois moins et {more} fois plus d'eau pour {scope}.</translation>
    </message>
    <message>
        <source>Too small to measure: the electricity this computer used for {scope} is below what the meter can tell apart from nothing.</source>
        <translation>Trop petit pour être mesuré : l'électricité utilisée par cet ordinateur pour {scope} est en dessous de ce que la mesure peut distinguer de zéro.</translation>
    </message>
    <message>
        <source>The 405B model's API would have charged {amount} more for {scope} than this computer's electricity cost.</source>
        <translation>L'API du modèle 405B aurait facturé {amount} plus pour {scope} que l'électricité de cet ordinateur.</translation>
    </message>
    <message>
        <source>This computer's electricity for {scope} cost {amount} more than the 405B model's API would have charged.</source>
        <translation>L'électricité de cet ordinateur pour {scope} a coûté {amount} plus que ce qu'aurait facturé l'API du modèle 405B.</translation>
    </message>
    <message>
        <source>The 405B model's API would have charged about as much for {scope} as this computer's electricity cost.</source>
        <translation>L'API du modèle 405B aurait facturé à peu près autant pour {scope} que l'électricité de cet ordinateur.</translation>
    </message>
    <message>
        <source>Too close to call: the 405B model's API would have charged between {less} times less and {more} times more for {scope} than this computer's electricity cost.</source>
        <translation>Trop proche pour trancher : l'API du modèle 405B aurait facturé entre {less} fois moins et {more} fois plus pour {scope} que l'électricité de cet ordinateur.</translation>
    </message>
    <message>
        <source>The 405B model needs {amount} more memory than this model, at the same precision.</source>
        <translation>Le modèle 405B demande {amount} plus de mémoire que ce modèle, à la même précision.</translation>
    </message>
    <message>
        <source>This model needs {amount} more memory than the 405B model, at the same precision.</source>
        <translation>Ce modèle demande {amount} plus de mémoire que le modèle 405B, à la même précision.</translation>
    </message>
    <message>
        <source>The 405B model needs about as much memory as this model.</source>
        <translation>Le modèle 405B demande à peu près autant de mémoire que ce modèle.</translation>
    </message>
    <message>
        <source>Too close to call: the 405B model needs between {less} times less and {more} times more memory than this model.</source>
        <translation>Trop proche pour trancher : le modèle 405B demande entre {less} fois moins et {more} fois plus de mémoire que ce modèle.</translation>
    </message>
    <message>
        <source>about {n} times</source>
        <translation>environ {n} fois</translation>
    </message>
    <message>
        <source>{low} to {high} times</source>
        <translation>{low} à {high} fois</translation>
    </message>
    <message>
        <source>No comparison of CO₂: nothing was measured.</source>
        <translation>Pas de comparaison du CO₂ : rien n’a été mesuré.</translation>
    </message>
    <message>
        <source>No comparison of water: nothing was measured.</source>
        <translation>Pas de comparaison de l’eau : rien n’a été mesuré.</translation>
    </message>
    <message>
        <source>No comparison of money: nothing was measured.</source>
        <translation>Pas de comparaison du coût : rien n’a été mesuré.</translation>
    </message>
    <message>
        <source>No comparison of memory: nothing was measured.</source>
        <translation>Pas de comparaison de la mémoire : rien n’a été mesuré.</translation>
    </message>
</context>
<context>
    <name>ResourcePanel</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Resources used by Smaller</source>
        <translation>Ressources utilisées par Smaller</translation>
    </message>
    <message>
        <source>Memory (RAM)</source>
        <translation>Mémoire (RAM)</translation>
    </message>
    <message>
        <source>The computer's working memory. The model must fit in it.</source>
        <translation>La mémoire de travail de l’ordinateur. Le modèle doit pouvoir y tenir.</translation>
    </message>
    <message>
        <source>Memory use bar</source>
        <translation>Barre d’utilisation de la mémoire</translation>
    </message>
    <message>
        <source>On battery, the energy is counted as if drawn from the grid: it is, when the battery recharges.</source>
        <translation>Sur batterie, l’énergie est comptée comme si elle venait du réseau électrique : c’est bien le cas quand la batterie se recharge.</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>Processeur (CPU)</translation>
    </message>
    <message>
        <source>How busy the processor is. 100% means every core is fully used.</source>
        <translation>L’activité du processeur. 100 % signifie que tous ses cœurs travaillent à fond.</translation>
    </message>
    <message>
        <source>Processor use over the last minute</source>
        <translation>Utilisation du processeur pendant la dernière minute</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>il y a (secondes)</translation>
    </message>
    <message>
        <source>Answer being written</source>
        <translation>Réponse en cours d’écriture</translation>
    </message>
    <message>
        <source>No answer is being written.</source>
        <translation>Aucune réponse en cours d’écriture.</translation>
    </message>
    <message>
        <source>What the answers cost</source>
        <translation>Ce que coûtent les réponses</translation>
    </message>
    <message>
        <source>Energy and CO₂ of the answers, as shown under each answer.</source>
        <translation>Énergie et CO₂ des réponses, comme indiqué sous chaque réponse.</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>Aucune réponse pour l’instant.</translation>
    </message>
    <message>
        <source>{tokens} token in {seconds} s</source>
        <translation>{tokens} jeton en {seconds} s</translation>
    </message>
    <message>
        <source>{tokens} tokens in {seconds} s</source>
        <translation>{tokens} jetons en {seconds} s</translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} jetons/s</translation>
    </message>
    <message>
        <source>Reading your message…</source>
        <translation>Lecture de votre message…</translation>
    </message>
    <message>
        <source>This chat: {energy}, {co2} CO₂, {method} (answers: {count})</source>
        <translation>Cette conversation : {energy}, {co2} de CO₂, {method} (réponses : {count})</translation>
    </message>
    <message>
        <source>All chats: {energy}, {co2} CO₂, {method} (answers: {count})</source>
        <translation>Toutes les conversations : {energy}, {co2} de CO₂, {method} (réponses : {count})</translation>
    </message>
    <message>
        <source>That is {equivalent}.</source>
        <translation>Soit {equivalent}.</translation>
    </message>
    <message>
        <source> (model {size})</source>
        <translation> (dont {size} pour le modèle)</translation>
    </message>
    <message>
        <source>Smaller: {size}</source>
        <translation>Smaller : {size}</translation>
    </message>
    <message>
        <source>Other programs: {size}</source>
        <translation>Autres programmes : {size}</translation>
    </message>
    <message>
        <source>Total: {size}</source>
        <translation>Total : {size}</translation>
    </message>
    <message>
        <source>{n}%</source>
        <translation>{n} %</translation>
    </message>
    <message>
        <source>Smaller: {share}</source>
        <translation>Smaller : {share}</translation>
    </message>
    <message>
        <source>whole computer: {share}</source>
        <translation>ordinateur entier : {share}</translation>
    </message>
    <message>
        <source>{n} logical processor</source>
        <translation>{n} processeur logique</translation>
    </message>
    <message>
        <source>{n} logical processors</source>
        <translation>{n} processeurs logiques</translation>
    </message>
    <message>
        <source>Plugged in (battery {percent}%)</source>
        <translation>Branché sur secteur (batterie {percent} %)</translation>
    </message>
    <message>
        <source>On battery ({percent}%)</source>
        <translation>Sur batterie ({percent} %)</translation>
    </message>
</context>
<context>
    <name>ServerSection</name>
    <message>
        <source>Programs on this computer</source>
        <translation>Programmes de cet ordinateur</translation>
    </message>
    <message>
        <source>Let programs on this computer use Smaller</source>
        <translation>Permettre aux programmes de cet ordinateur d'utiliser Smaller</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d'API</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the API key</source>
        <translation>Copier la clé d'API</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Renouveler</translation>
    </message>
    <message>
        <source>Renew the API key</source>
        <translation>Renouveler la clé d'API</translation>
    </message>
    <message>
        <source>Address to listen on</source>
        <translation>Adresse d'écoute</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>With an address other than 127.0.0.1, other computers that can reach it can use the model (with the key), and what they send crosses the network unencrypted.</source>
        <translation>Avec une autre adresse que 127.0.0.1, les autres ordinateurs qui peuvent l'atteindre peuvent utiliser le modèle (avec la clé), et ce qu'ils envoient traverse le réseau sans chiffrement.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Web pages allowed to ask</source>
        <translation>Pages web autorisées à interroger Smaller</translation>
    </message>
    <message>
        <source>Web pages allowed</source>
        <translation>Pages web autorisées</translation>
    </message>
    <message>
        <source>Programs ask at http://127.0.0.1:{port}/v1 with this key, as they would ask OpenAI's API; each answer's energy and CO₂ come with it. Nothing listens while this is off. Web pages are refused unless their origin (for example http://localhost:3000) is listed above. Renewing the key locks out programs that have the old one.</source>
        <translation>Les programmes interrogent http://127.0.0.1:{port}/v1 avec cette clé, comme ils le feraient avec l'API d'OpenAI ; l'énergie et le CO₂ de chaque réponse l'accompagnent. Rien n'écoute tant que c'est désactivé. Les pages web sont refusées sauf si leur origine (par exemple http://localhost:3000) figure ci-dessus. Renouveler la clé bloque les programmes qui ont l'ancienne.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>No installed model is called “{name}”. Run `smaller models` to list them.</source>
        <translation>Aucun modèle installé ne s'appelle « {name} ». Lancez `smaller models` pour les lister.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n'est chargé.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Processor threads</source>
        <translation>Threads du processeur</translation>
    </message>
    <message>
        <source>Longest answer</source>
        <translation>Réponse la plus longue</translation>
    </message>
    <message>
        <source>Electricity grid</source>
        <translation>Réseau électrique</translation>
    </message>
    <message>
        <source>Processor power</source>
        <translation>Puissance du processeur</translation>
    </message>
    <message>
        <source>Panel refresh</source>
        <translation>Actualisation du panneau</translation>
    </message>
    <message>
        <source>Resource panel</source>
        <translation>Panneau des ressources</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Mode démonstration</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Automatic ({n})</source>
        <translation>Automatique ({n})</translation>
    </message>
    <message>
        <source>Processor threads</source>
        <translation>Threads du processeur</translation>
    </message>
    <message>
        <source>More threads can be faster on an idle computer, but much slower when other programs are busy. Automatic leaves one core free.</source>
        <translation>Plus de threads peut aller plus vite quand l’ordinateur ne fait rien d’autre, mais beaucoup plus lentement quand d’autres programmes sont actifs. « Automatique » laisse un cœur libre.</translation>
    </message>
    <message>
        <source>{tokens} tokens (about {words} words)</source>
        <translation>{tokens} jetons (environ {words} mots)</translation>
    </message>
    <message>
        <source>{tokens} tokens</source>
        <translation>{tokens} jetons</translation>
    </message>
    <message>
        <source>Model memory</source>
        <translation>Mémoire du modèle</translation>
    </message>
    <message>
        <source>How much of the conversation the model can keep in mind. More uses more RAM; older messages are left out when it is full.</source>
        <translation>La part de la conversation que le modèle peut garder en tête. Plus la valeur est grande, plus il utilise de RAM ; quand elle est pleine, les messages les plus anciens sont laissés de côté.</translation>
    </message>
    <message>
        <source>Longest answer in tokens</source>
        <translation>Longueur maximale d’une réponse en jetons</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>Longueur maximale d’une réponse (jetons)</translation>
    </message>
    <message>
        <source>Creativity</source>
        <translation>Créativité</translation>
    </message>
    <message>
        <source>Creativity (temperature)</source>
        <translation>Créativité (température)</translation>
    </message>
    <message>
        <source>0 always gives the same answer; higher values vary more.</source>
        <translation>0 donne toujours la même réponse ; avec des valeurs plus élevées, les réponses varient davantage.</translation>
    </message>
    <message>
        <source>From this computer's country: {grid}</source>
        <translation>Selon le pays de cet ordinateur : {grid}</translation>
    </message>
    <message>
        <source>Detected: {watts} W</source>
        <translation>Détectée : {watts} W</translation>
    </message>
    <message>
        <source>Assumed: {watts} W (this processor is not in the table)</source>
        <translation>Supposée : {watts} W (ce processeur n’est pas dans la table)</translation>
    </message>
    <message>
        <source>Electricity grid</source>
        <translation>Réseau électrique</translation>
    </message>
    <message>
        <source>Where your electricity comes from sets the CO₂ and water per kWh.</source>
        <translation>L’origine de votre électricité détermine le CO₂ émis et l’eau utilisée par kWh.</translation>
    </message>
    <message>
        <source>Processor power</source>
        <translation>Puissance du processeur</translation>
    </message>
    <message>
        <source>Used to estimate energy when it cannot be measured. Detected: {cpu}.</source>
        <translation>Sert à estimer l’énergie quand elle ne peut pas être mesurée. Processeur détecté : {cpu}.</translation>
    </message>
    <message>
        <source>unknown processor</source>
        <translation>processeur inconnu</translation>
    </message>
    <message>
        <source>Panel refresh interval</source>
        <translation>Intervalle d’actualisation du panneau</translation>
    </message>
    <message>
        <source>Panel refresh</source>
        <translation>Actualisation du panneau</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Show the resource panel</source>
        <translation>Afficher le panneau des ressources</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <source>Sources from your documents:</source>
        <translation>Sources tirées de vos documents :</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>{file}, page {page}</source>
        <translation>{file}, page {page}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Smaller could not open with your view settings, so it uses the usual view. ({error})</source>
        <translation>Smaller n'a pas pu s'ouvrir avec vos réglages d'affichage : il utilise l'affichage habituel. ({error})</translation>
    </message>
    <message>
        <source>Smaller could not open its window: {error}

The log file has the details: {log}</source>
        <translation>Smaller n'a pas pu ouvrir sa fenêtre : {error}

Le journal donne les détails : {log}</translation>
    </message>
    <message>
        <source>Some settings could not be used and were put back to normal: {names}.</source>
        <translation>Certains réglages étaient inutilisables et ont été remis par défaut : {names}.</translation>
    </message>
    <message>
        <source>Smaller did not start properly last time, so it starts with the usual view (demo mode off, the resource panel shown, the system's theme).</source>
        <translation>Smaller n'a pas démarré correctement la dernière fois : il démarre avec l'affichage habituel (mode démonstration désactivé, panneau des ressources affiché, thème du système).</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Your disk is full: {what}. Free some space; earlier chats are safe.</source>
        <translation>Votre disque est plein : {what}. Libérez de la place ; les conversations précédentes ne risquent rien.</translation>
    </message>
    <message>
        <source>Smaller can't write to your chats file: {what}. Check that the file and its folder are not read-only; earlier chats are safe.</source>
        <translation>Smaller ne peut pas écrire dans le fichier de vos conversations : {what}. Vérifiez que le fichier et son dossier ne sont pas en lecture seule ; les conversations précédentes ne risquent rien.</translation>
    </message>
    <message>
        <source>Your chats file is in use by another program (perhaps Smaller is open twice): {what}. Close the other one and try again.</source>
        <translation>Le fichier de vos conversations est utilisé par un autre programme (Smaller est peut-être ouvert deux fois) : {what}. Fermez l'autre et réessayez.</translation>
    </message>
    <message>
        <source>Your chats file seems damaged: {what}. It has been left as it is.</source>
        <translation>Le fichier de vos conversations semble endommagé : {what}. Il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>Something went wrong: {what}. Restarting Smaller may help. ({error})</source>
        <translation>Un problème est survenu : {what}. Redémarrer Smaller peut aider. ({error})</translation>
    </message>
    <message>
        <source>your chats could not be opened</source>
        <translation>vos conversations n'ont pas pu être ouvertes</translation>
    </message>
    <message>
        <source>Smaller could not open the folder of your chats ({error}). Check that it exists and is writable.</source>
        <translation>Smaller n'a pas pu ouvrir le dossier de vos conversations ({error}). Vérifiez qu'il existe et qu'il est accessible en écriture.</translation>
    </message>
    <message>
        <source>Your chats file was made by a newer version of Smaller (format {version}; this one knows up to {known}). Update Smaller to use it; the file was not changed.</source>
        <translation>Le fichier de vos conversations a été créé par une version plus récente de Smaller (format {version} ; celle-ci connaît jusqu'au format {known}). Mettez Smaller à jour pour l'utiliser ; le fichier n'a pas été modifié.</translation>
    </message>
    <message>
        <source>your chats file could not be prepared</source>
        <translation>le fichier de vos conversations n'a pas pu être préparé</translation>
    </message>
    <message>
        <source>your chats could not be read</source>
        <translation>vos conversations n'ont pas pu être lues</translation>
    </message>
    <message>
        <source>the new chat could not be saved</source>
        <translation>la nouvelle conversation n'a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>the new name could not be saved</source>
        <translation>le nouveau nom n'a pas pu être enregistré</translation>
    </message>
    <message>
        <source>the instructions could not be saved</source>
        <translation>les instructions n'ont pas pu être enregistrées</translation>
    </message>
    <message>
        <source>the chat could not be deleted</source>
        <translation>la conversation n'a pas pu être supprimée</translation>
    </message>
    <message>
        <source>the last message could not be saved</source>
        <translation>le dernier message n'a pas pu être enregistré</translation>
    </message>
    <message>
        <source>the answer could not be saved</source>
        <translation>la réponse n'a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>the message could not be deleted</source>
        <translation>le message n'a pas pu être supprimé</translation>
    </message>
    <message>
        <source>an unfinished answer could not be marked as stopped</source>
        <translation>une réponse inachevée n'a pas pu être marquée comme interrompue</translation>
    </message>
    <message>
        <source>what this work cost could not be saved</source>
        <translation>le coût de ce travail n'a pas pu être enregistré</translation>
    </message>
    <message>
        <source>Your saved chats could not be read (the file {path} seems damaged). It has been left untouched; chats of this session will not be saved. To start afresh, move that file elsewhere and restart Smaller.</source>
        <translation>Vos conversations enregistrées n'ont pas pu être lues (le fichier {path} semble endommagé). Il n'a pas été modifié ; les conversations de cette session ne seront pas enregistrées. Pour repartir de zéro, déplacez ce fichier ailleurs et redémarrez Smaller.</translation>
    </message>
    <message>
        <source>Your saved chats could not be read (the file {path} could not be opened: {error}). It has been left untouched; chats of this session will not be saved. To start afresh, move that file elsewhere and restart Smaller.</source>
        <translation>Vos conversations enregistrées n'ont pas pu être lues (le fichier {path} n'a pas pu être ouvert : {error}). Il n'a pas été modifié ; les conversations de cette session ne seront pas enregistrées. Pour repartir de zéro, déplacez ce fichier ailleurs et redémarrez Smaller.</translation>
    </message>
    <message>
        <source>For now, you can read your chats; Smaller keeps trying and saves this session's chats as soon as it can.</source>
        <translation>Pour l'instant, vous pouvez lire vos conversations ; Smaller réessaie et enregistrera celles de cette session dès que possible.</translation>
    </message>
    <message>
        <source>For now, you can read your chats, but changes in this session will not be saved.</source>
        <translation>Pour l'instant, vous pouvez lire vos conversations, mais les changements de cette session ne seront pas enregistrés.</translation>
    </message>
    <message>
        <source>Your chats file was made by a newer version of Smaller. Update Smaller to keep saving.</source>
        <translation>Votre fichier de conversations vient d'une version plus récente de Smaller. Mettez Smaller à jour pour continuer à enregistrer.</translation>
    </message>
    <message>
        <source>Your chats file is read-only.</source>
        <translation>Votre fichier de conversations est en lecture seule.</translation>
    </message>
    <message>
        <source>Your chats could not be opened ({error}).</source>
        <translation>Vos conversations n'ont pas pu être ouvertes ({error}).</translation>
    </message>
    <message>
        <source>{problem} Chats of this session will not be saved.</source>
        <translation>{problem} Les conversations de cette session ne seront pas enregistrées.</translation>
    </message>
    <message>
        <source>the answer shown could not be saved</source>
        <translation>la réponse affichée n'a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>the edited message could not be saved</source>
        <translation>le message modifié n'a pas pu être enregistré</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <source>CO₂</source>
        <translation>CO₂</translation>
    </message>
    <message>
        <source>Diesel and car</source>
        <translation>Gazole et voiture</translation>
    </message>
    <message>
        <source>{seed_t} t / {diesel_kg} kg per litre = {litres} litres, as the article says; counting the fuel's production too ({upstream_kg} kg per litre) it is {upstream_litres}. The article's {seed_km} km assume a diesel car burning {seed_l_per_100km} L per 100 km ({car_g} g of CO₂ per km): that is the car used here, not the lab figure for new cars, which counts electric cars as 0 g/km.</source>
        <translation>{seed_t} t / {diesel_kg} kg par litre = {litres} de litres, comme le dit l'article ; en comptant aussi la production du carburant ({upstream_kg} kg par litre), c'est {upstream_litres}. Les {seed_km} de km de l'article supposent une voiture diesel qui consomme {seed_l_per_100km} L aux 100 km ({car_g} g de CO₂ par km) : c'est la voiture retenue ici, pas le chiffre de laboratoire des voitures neuves, qui compte les voitures électriques à 0 g/km.</translation>
    </message>
    <message>
        <source>GPUs and days</source>
        <translation>GPU et jours</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Meta gives GPU hours, not energy: {gpu_hours} million hours at {gpu_w} W, the peak power per GPU that its model card says is 'adjusted for power usage efficiency', is {meta_gwh} GWh. The article's {seed_gwh} GWh has no source we could find; it would mean the GPUs averaged {seed_w} W, about half that power.</source>
        <translation>Meta donne des heures de GPU, pas d'énergie : {gpu_hours} millions d'heures à {gpu_w} W, la puissance de crête par GPU que sa fiche de modèle dit « ajustée de l'efficacité énergétique » (PUE), font {meta_gwh} GWh. Les {seed_gwh} GWh de l'article n'ont pas de source que nous ayons trouvée ; ils voudraient dire que les GPU ont consommé {seed_w} W en moyenne, environ la moitié de cette puissance.</translation>
    </message>
    <message>
        <source>{n} million</source>
        <translation>{n} millions</translation>
    </message>
    <message>
        <source>Meta reports {meta_t} t from the grids it used (about {meta_g} g per kWh of its GPU energy), and {market_t} t 'market-based' because it buys renewable energy to match. The article's {seed_t} t over {seed_gwh} GWh is {seed_g} g/kWh: the world average ({world_g}), not Europe's ({europe_g}, which gives {europe_t_seed} t for {seed_gwh} GWh or {europe_t_meta} t for {meta_gwh} GWh).</source>
        <translation>Meta déclare {meta_t} t d'après les réseaux utilisés (environ {meta_g} g par kWh de l'énergie de ses GPU), et {market_t} t « selon le marché » parce qu'elle achète autant d'énergie renouvelable. Les {seed_t} t de l'article pour {seed_gwh} GWh font {seed_g} g/kWh : la moyenne mondiale ({world_g}), pas celle de l'Europe ({europe_g}, qui donne {europe_t_seed} t pour {seed_gwh} GWh ou {europe_t_meta} t pour {meta_gwh} GWh).</translation>
    </message>
    <message>
        <source>They agree: {gpu_hours} million GPU hours on {gpus} GPUs is {days} days non-stop, close to the article's {seed_gpus} GPUs and {seed_days} days.</source>
        <translation>Ils concordent : {gpu_hours} millions d'heures de GPU sur {gpus} GPU font {days} jours sans arrêt, proche des {seed_gpus} GPU et {seed_days} jours de l'article.</translation>
    </message>
    <message>
        <source>The article's ${cost} million is in no Meta source; it equals ${usd_per_hour} per GPU hour, an assumed rental price.</source>
        <translation>Les {cost} millions de dollars de l'article ne figurent dans aucune source de Meta ; cela fait {usd_per_hour} $ par heure de GPU, un prix de location supposé.</translation>
    </message>
    <message>
        <source>People's electricity</source>
        <translation>Électricité des habitants</translation>
    </message>
    <message>
        <source>{kwh} kWh per person is French household use only; France's whole consumption ({france_twh} TWh) also counts industry and services. The division is right: {people_seed} people for {seed_gwh} GWh, or {people_meta} for {meta_gwh} GWh.</source>
        <translation>{kwh} kWh par personne ne correspond qu'à la consommation des ménages français ; la consommation totale de la France ({france_twh} TWh) compte aussi l'industrie et les services. La division est juste : {people_seed} personnes pour {seed_gwh} GWh, ou {people_meta} pour {meta_gwh} GWh.</translation>
    </message>
</context>
<context>
    <name>TrainingOne</name>
    <message>
        <source>{n} million</source>
        <translation>{n} million</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>{n} GWh</source>
        <translation>{n} GWh</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <source>{n} t CO₂e</source>
        <translation>{n} t CO₂e</translation>
    </message>
    <message>
        <source>CO₂</source>
        <translation>CO₂</translation>
    </message>
    <message>
        <source>{gpus} GPUs × {days} days</source>
        <translation>{gpus} GPU × {days} jours</translation>
    </message>
    <message>
        <source>GPUs × days</source>
        <translation>GPU × jours</translation>
    </message>
    <message>
        <source>The one-off cost of building Llama 3.1 405B</source>
        <translation>Le coût unique de la fabrication de Llama 3.1 405B</translation>
    </message>
    <message>
        <source>Meta (model card)</source>
        <translation>Meta (fiche du modèle)</translation>
    </message>
    <message>
        <source>The article 'Smaller is smarter'</source>
        <translation>L'article « Smaller is smarter »</translation>
    </message>
    <message>
        <source>Worked out from Meta's figures: GPU hours × 700 W, and GPU hours ÷ GPUs ÷ 24.</source>
        <translation>Calculé d'après les chiffres de Meta : heures de GPU × 700 W, et heures de GPU ÷ GPU ÷ 24.</translation>
    </message>
    <message>
        <source>Where they disagree, and why</source>
        <translation>Où ils divergent, et pourquoi</translation>
    </message>
    <message>
        <source>Meta's figures</source>
        <translation>Les chiffres de Meta</translation>
    </message>
    <message>
        <source>The article's figures</source>
        <translation>Les chiffres de l'article</translation>
    </message>
    <message>
        <source>Reference figures</source>
        <translation>Chiffres de référence</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Figures and citations</source>
        <translation>Chiffres et citations</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>{n} byte</source>
        <translation>{n} octet</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} octets</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} ko</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} Mo</translation>
    </message>
    <message>
        <source>{n} GB</source>
        <translation>{n} Go</translation>
    </message>
    <message>
        <source>{n} TB</source>
        <translation>{n} To</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Smaller</source>
        <translation>Bienvenue dans Smaller</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Back to the previous screen</source>
        <translation>Revenir à l’écran précédent</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Skip the welcome</source>
        <translation>Passer l’accueil</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Next screen</source>
        <translation>Écran suivant</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Start chatting</source>
        <translation>Commencer à discuter</translation>
    </message>
    <message>
        <source>A private assistant on your laptop</source>
        <translation>Un assistant privé sur votre ordinateur portable</translation>
    </message>
    <message>
        <source>Type a question or a request, press Enter, and Smaller writes an answer.</source>
        <translation>Tapez une question ou une demande, appuyez sur Entrée, et Smaller écrit une réponse.</translation>
    </message>
    <message>
        <source>The answers are written by a small language model: a program that writes text by guessing, word after word, what comes next.</source>
        <translation>Les réponses sont écrites par un petit modèle de langage : un programme qui écrit du texte en devinant, mot après mot, ce qui vient ensuite.</translation>
    </message>
    <message>
        <source>Everything happens on this computer. Nothing you type leaves it, and no internet connection is needed.</source>
        <translation>Tout se passe sur cet ordinateur. Rien de ce que vous tapez n’en sort, et aucune connexion Internet n’est nécessaire.</translation>
    </message>
    <message>
        <source>You ask</source>
        <translation>Vous demandez</translation>
    </message>
    <message>
        <source>a question, or a text to rewrite or summarise</source>
        <translation>une question, ou un texte à reformuler ou à résumer</translation>
    </message>
    <message>
        <source>This computer answers</source>
        <translation>Cet ordinateur répond</translation>
    </message>
    <message>
        <source>the model runs here: no account, no internet, nothing sent</source>
        <translation>le modèle tourne ici : pas de compte, pas d’Internet, rien n’est envoyé</translation>
    </message>
    <message>
        <source>You see the cost</source>
        <translation>Vous voyez le coût</translation>
    </message>
    <message>
        <source>time, electricity and CO₂ of each answer, beside a giant model's</source>
        <translation>temps, électricité et CO₂ de chaque réponse, à côté de ceux d’un modèle géant</translation>
    </message>
    <message>
        <source>rewrite an e-mail in a different tone</source>
        <translation>réécrire un e-mail sur un autre ton</translation>
    </message>
    <message>
        <source>summarise a paragraph</source>
        <translation>résumer un paragraphe</translation>
    </message>
    <message>
        <source>explain a word or an idea simply</source>
        <translation>expliquer simplement un mot ou une idée</translation>
    </message>
    <message>
        <source>recent facts: it learned from texts written before a fixed date and cannot look anything up</source>
        <translation>les faits récents : il a appris à partir de textes écrits avant une certaine date et ne peut rien chercher</translation>
    </message>
    <message>
        <source>long reasoning over many steps</source>
        <translation>les longs raisonnements en plusieurs étapes</translation>
    </message>
    <message>
        <source>exact maths</source>
        <translation>les calculs exacts</translation>
    </message>
    <message>
        <source>Measured on this computer (test drive):</source>
        <translation>Mesuré sur cet ordinateur (essai des modèles) :</translation>
    </message>
    <message>
        <source>The model: {model}</source>
        <translation>Le modèle : {model}</translation>
    </message>
    <message>
        <source>This model is small, so it runs on an ordinary laptop. It can also be wrong while sounding sure of itself.</source>
        <translation>Ce modèle est petit, il fonctionne donc sur un ordinateur portable ordinaire. Il peut aussi se tromper tout en ayant l’air sûr de lui.</translation>
    </message>
    <message>
        <source>Good at:</source>
        <translation>Doué pour :</translation>
    </message>
    <message>
        <source>Not good at:</source>
        <translation>Pas doué pour :</translation>
    </message>
    <message>
        <source>Under each answer, one line says how long it took and what it cost: the electricity the computer used (in Wh, watt-hours) and the CO₂ released to produce that electricity. Lengths are counted in tokens: pieces of words, about three quarters of a word each.</source>
        <translation>Sous chaque réponse, une ligne indique le temps qu’elle a pris et ce qu’elle a coûté : l’électricité utilisée par l’ordinateur (en Wh, wattheures) et le CO₂ émis pour produire cette électricité. Les longueurs se comptent en jetons : des morceaux de mots, environ trois quarts de mot chacun.</translation>
    </message>
    <message>
        <source>“Compare with 405B” shows the same answer on a very large model in a datacenter. Help › What the numbers mean explains every figure.</source>
        <translation>« Comparer avec 405B » montre la même réponse avec un très grand modèle dans un centre de données. Aide › Ce que signifient les chiffres explique chaque valeur.</translation>
    </message>
    <message>
        <source>Try one of these first questions</source>
        <translation>Essayez l’une de ces premières questions</translation>
    </message>
    <message>
        <source>Click a question to ask it, or press Start and type your own.</source>
        <translation>Cliquez sur une question pour la poser, ou cliquez sur Commencer et tapez la vôtre.</translation>
    </message>
    <message>
        <source>Explain the word “photosynthesis” in simple words.</source>
        <translation>Expliquez le mot « photosynthèse » avec des mots simples.</translation>
    </message>
    <message>
        <source>Rewrite this message so it sounds polite: “Send me the report now.”</source>
        <translation>Réécrivez ce message pour qu’il soit poli : « Envoie-moi le rapport tout de suite. »</translation>
    </message>
    <message>
        <source>Give me three ideas for a rainy Sunday afternoon.</source>
        <translation>Donnez-moi trois idées pour un dimanche après-midi pluvieux.</translation>
    </message>
    <message>
        <source>Ask: {question}</source>
        <translation>Poser la question : {question}</translation>
    </message>
    <message>
        <source>Screen {current} of {total}</source>
        <translation>Écran {current} sur {total}</translation>
    </message>
</context>
<context>
    <name>Zones</name>
    <message>
        <source>World (average)</source>
        <translation>Monde (moyenne)</translation>
    </message>
    <message>
        <source>Europe (average)</source>
        <translation>Europe (moyenne)</translation>
    </message>
</context>
</TS>