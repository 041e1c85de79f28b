<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>DataDirLock</name>
    <message>
        <location filename="../api/server/datadirlock.cpp" line="+33"/>
        <source>%1 is in use by %2 (process %3)</source>
        <translation>%1 está em uso por %2 (processo %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is in use by another Little Lemon server</source>
        <translation>%1 está em uso por outro servidor Little Lemon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write the lock file in %1: permission denied (run as the directory&apos;s owner)</source>
        <translation>não é possível gravar o arquivo de trava em %1: permissão negada (execute como o dono da pasta)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot lock %1</source>
        <translation>não é possível travar %1</translation>
    </message>
</context>
<context>
    <name>LittleLemon</name>
    <message>
        <location filename="../models/reportcharts.cpp" line="+44"/>
        <source>Nothing to show for this period</source>
        <translation>Nada a mostrar neste período</translation>
    </message>
    <message>
        <location line="+91"/>
        <location filename="../models/reportexport.cpp" line="+206"/>
        <source>(no longer on the menu)</source>
        <translation>(fora do cardápio)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Revenue by hour</source>
        <translation>Faturamento por hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales by category</source>
        <translation>Vendas por categoria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time in each stage (box: middle half, line: median, dashes: 90%)</source>
        <translation>Tempo em cada etapa (caixa: metade central, linha: mediana, tracejado: 90%)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../models/reportexport.cpp" line="-180"/>
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>section</source>
        <translation>seção</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>orders</source>
        <translation>pedidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+47"/>
        <source>quantity</source>
        <translation>quantidade</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>revenue</source>
        <translation>faturamento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+14"/>
        <source>order</source>
        <translation>pedido</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+14"/>
        <source>day</source>
        <translation>dia</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>time</source>
        <translation>hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>source</source>
        <translation>origem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stage</source>
        <translation>etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>crew</source>
        <translation>entregador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>dish id</source>
        <translation>id do prato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dish</source>
        <translation>prato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>line total</source>
        <translation>total da linha</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>placed after the close</source>
        <translation>feito depois do fechamento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted</source>
        <translation>excluído</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancellation undone</source>
        <translation>cancelamento desfeito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>alterado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Totals</source>
        <translation>Totais</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <location line="+15"/>
        <location line="+9"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+34"/>
        <location line="+5"/>
        <location line="+4"/>
        <location line="+6"/>
        <location line="+17"/>
        <source>Revenue</source>
        <translation>Faturamento</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Average ticket</source>
        <translation>Tíquete médio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dishes sold</source>
        <translation>Pratos vendidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled orders</source>
        <translation>Pedidos cancelados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value of cancelled orders</source>
        <translation>Valor dos pedidos cancelados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 orders</source>
        <translation>Pedidos (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None.</source>
        <translation>Nenhum.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>By day</source>
        <translation>Por dia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By category</source>
        <translation>Por categoria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By dish</source>
        <translation>Por prato</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <source>Dish</source>
        <translation>Prato</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delivery crew</source>
        <translation>Entregadores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delivered</source>
        <translation>Entregues</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median, received to delivered</source>
        <translation>Mediana, de recebido a entregue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time in each stage</source>
        <translation>Tempo em cada etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (still sold out)</source>
        <translation> (ainda esgotado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold out</source>
        <translation>Esgotados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Times</source>
        <translation>Vezes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Por quanto tempo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrections to closed days</source>
        <translation>Correções de dias fechados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed day</source>
        <translation>Dia fechado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Mudança</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corrections in all:</source>
        <translation>Total das correções:</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+64"/>
        <source>Cannot write %1.</source>
        <translation>Não foi possível gravar %1.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>X report</source>
        <translation>Relatório X</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · %2 · time zone %3</source>
        <translation>%1 · %2 · fuso horário %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>LittleLemon::ApiError</name>
    <message>
        <location filename="../models/apierror.cpp" line="+201"/>
        <source>You are not signed in, or your sign-in has expired. Please sign in again.</source>
        <translation>Você não está conectado, ou sua sessão expirou. Entre novamente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not accept your sign-in: %1</source>
        <translation>O servidor não aceitou seu login: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are not allowed to do that with your account.</source>
        <translation>Sua conta não tem permissão para fazer isso.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server could not find that: it may have been deleted.</source>
        <translation>O servidor não encontrou isso: talvez tenha sido excluído.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not find that: %1</source>
        <translation>O servidor não encontrou isso: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone else changed this first. Keep your version or take theirs.</source>
        <translation>Outra pessoa alterou isto antes. Fique com a sua versão ou com a dela.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The server is busy; trying again in %n second(s).</source>
        <translation>
            <numerusform>O servidor está ocupado; nova tentativa em %n segundo.</numerusform>
            <numerusform>O servidor está ocupado; nova tentativa em %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server is busy; trying again shortly.</source>
        <translation>O servidor está ocupado; nova tentativa em instantes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server had a problem (error %1). Your change is kept and will be sent again.</source>
        <translation>O servidor teve um problema (erro %1). Sua alteração foi guardada e será enviada de novo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the %1: %2</source>
        <translation>o campo “%1”: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused the request: it is too large.</source>
        <translation>O servidor recusou o pedido: ele é grande demais.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the request (error %1).</source>
        <translation>O servidor recusou o pedido (erro %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused %1</source>
        <translation>O servidor recusou %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the request: %1</source>
        <translation>O servidor recusou o pedido: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent an answer this program cannot read (HTTP %1).</source>
        <translation>O servidor enviou uma resposta que este programa não consegue ler (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>LittleLemon::BookingStatus</name>
    <message>
        <location filename="../models/booking.cpp" line="+15"/>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seated</source>
        <translation>Na mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Não compareceu</translation>
    </message>
</context>
<context>
    <name>LittleLemon::BookingsModel</name>
    <message>
        <location filename="../models/bookingsmodel.cpp" line="+128"/>
        <source>Time</source>
        <translation>Horário</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guests</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <translation>Mesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::CategoryModel</name>
    <message>
        <location filename="../models/categorymodel.cpp" line="+42"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Short name</source>
        <translation>Nome curto</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Client::ApiClient</name>
    <message>
        <location filename="../api/client/apiclient.cpp" line="+75"/>
        <source>Waiting for the server&apos;s rate limit (%1 s)</source>
        <translation>Aguardando o limite de requisições do servidor (%1 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the cloud&apos;s rate limit (%1 s)</source>
        <translation>Aguardando o limite de requisições da nuvem (%1 s)</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Client::ClientErrors</name>
    <message>
        <location filename="../api/client/clienterrors.cpp" line="+34"/>
        <source>Cannot reach the server at %1. Check that this computer is connected to the network and that the server is running.</source>
        <translation>Não foi possível alcançar o servidor em %1. Verifique se este computador está conectado à rede e se o servidor está funcionando.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server at %1 took too long to answer. The network may be slow or the server busy; please try again.</source>
        <translation>O servidor em %1 demorou demais para responder. A rede pode estar lenta ou o servidor ocupado; tente novamente.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A secure connection to %1 could not be set up (%2). Check that the address is right, including https or http.</source>
        <translation>Não foi possível estabelecer uma conexão segura com %1 (%2). Verifique se o endereço está certo, inclusive o https ou http.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The identity of the server at %1 cannot be verified (%2). If this is your restaurant&apos;s own server, compare this fingerprint with the one it shows and trust it in the server settings: %3</source>
        <translation>Não é possível verificar a identidade do servidor em %1 (%2). Se este for o servidor do seu próprio restaurante, compare esta impressão digital com a que ele mostra e confie nele nas configurações do servidor: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request was cancelled.</source>
        <translation>O pedido foi cancelado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server at %1 sent an answer this program cannot read. It may run a different version of Little Lemon.</source>
        <translation>O servidor em %1 enviou uma resposta que este programa não consegue ler. Ele pode estar com outra versão do Little Lemon.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You need to sign in first.</source>
        <translation>Você precisa entrar primeiro.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Sua sessão expirou. Entre novamente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server no longer accepts your sign-in. Please sign in again.</source>
        <translation>O servidor não aceita mais sua sessão. Entre novamente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The user name or password is not correct.</source>
        <translation>O nome de usuário ou a senha estão incorretos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server is busy. Please try again in %1 seconds.</source>
        <translation>O servidor está ocupado. Tente novamente em %1 segundos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server is busy. Please try again in a moment.</source>
        <translation>O servidor está ocupado. Tente novamente em instantes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server had a problem (error %1). Please try again in a moment.</source>
        <translation>O servidor teve um problema (erro %1). Tente novamente em instantes.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Client::SyncEngine</name>
    <message>
        <location filename="../api/client/syncengine_p.h" line="+26"/>
        <source>categories</source>
        <translation>categorias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>menu items</source>
        <translation>itens do cardápio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>orders</source>
        <translation>pedidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bookings</source>
        <translation>reservas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tables</source>
        <translation>mesas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>staff</source>
        <translation>equipe</translation>
    </message>
    <message>
        <location filename="../api/client/syncengine.cpp" line="+323"/>
        <source>Connecting to %1</source>
        <translation>Conectando a %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Sending change %1 of %2: %3</source>
        <translation>Enviando alteração %1 de %2: %3</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Changed on the server since this edit was made (%1).</source>
        <translation>Alterado no servidor depois desta edição (%1).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking on the server for: %1</source>
        <translation>Procurando no servidor: %1</translation>
    </message>
    <message>
        <location filename="../api/client/syncenginepull.cpp" line="+45"/>
        <source>Reading changes</source>
        <translation>Lendo alterações</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+48"/>
        <source>Reading %1</source>
        <translation>Lendo %1</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+48"/>
        <source>Reading %1: page %2 of %3</source>
        <translation>Lendo %1: página %2 de %3</translation>
    </message>
    <message numerus="yes">
        <location line="+156"/>
        <source>Reading changes: %n applied</source>
        <translation>
            <numerusform>Lendo alterações: %n aplicada</numerusform>
            <numerusform>Lendo alterações: %n aplicadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Offline: %1 Changes are kept and sent when the server is back.</source>
        <translation>Sem conexão: %1 As alterações ficam guardadas e são enviadas quando o servidor voltar.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Client::TokenStore</name>
    <message>
        <location filename="../api/client/tokenstore.cpp" line="+94"/>
        <source>This computer has no password keychain, so your sign-in is kept only until Little Lemon closes. You will be asked for your password next time.</source>
        <translation>Este computador não tem um chaveiro de senhas, então seu login só vale até o Little Lemon ser fechado. Da próxima vez, sua senha será pedida.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Desk::Screenshotter</name>
    <message>
        <location filename="../app/desk/screenshotter.cpp" line="+154"/>
        <source>Cannot reach the server at 192.168.1.10:8000. Check that it is running and that this computer is on the restaurant&apos;s network.</source>
        <translation>Não foi possível alcançar o servidor em 192.168.1.10:8000. Verifique se ele está funcionando e se este computador está na rede do restaurante.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Desk::StandaloneServer</name>
    <message>
        <location filename="../app/desk/standaloneserver.cpp" line="+91"/>
        <source>Little Lemon (demo)</source>
        <translation>Little Lemon (demonstração)</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+13"/>
        <location line="+30"/>
        <location line="+14"/>
        <location line="+19"/>
        <location line="+21"/>
        <location line="+19"/>
        <source>The restaurant&apos;s server is not running.</source>
        <translation>O servidor do restaurante não está funcionando.</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Cannot serve the network on port %1: %2</source>
        <translation>Não foi possível atender a rede na porta %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This restaurant already has accounts: sign in instead.</source>
        <translation>Este restaurante já tem contas: entre com uma delas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The staff roles are missing from the database.</source>
        <translation>As funções da equipe não estão no banco de dados.</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+40"/>
        <source>No account is called %1.</source>
        <translation>Não existe conta chamada %1.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::MenuModel</name>
    <message>
        <location filename="../models/menumodel.cpp" line="+115"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Featured</source>
        <translation>Destaque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Choose a category.</source>
        <translation>Escolha uma categoria.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Money</name>
    <message>
        <location filename="../models/money.cpp" line="+24"/>
        <location line="+25"/>
        <location line="+13"/>
        <location line="+3"/>
        <source>A valid number is required.</source>
        <translation>Informe um número válido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ensure that there are no more than 2 decimal places.</source>
        <translation>Use no máximo 2 casas decimais.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ensure that there are no more than %1 digits before the decimal point.</source>
        <translation>Use no máximo %1 dígitos antes do ponto decimal.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ensure this value is greater than or equal to 0.</source>
        <translation>O valor deve ser maior ou igual a 0.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Type a price, such as %1.</source>
        <translation>Digite um preço, como %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Type the price without thousands separators, such as %1.</source>
        <translation>Digite o preço sem separador de milhar, como %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A price cannot be negative.</source>
        <translation>Um preço não pode ser negativo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A price has at most 2 decimals: %1 is not a price.</source>
        <translation>Um preço tem no máximo 2 casas decimais: %1 não é um preço.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A price can be at most %1.</source>
        <translation>Um preço pode ser no máximo %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a price; type one such as %2.</source>
        <translation>%1 não é um preço; digite um como %2.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OrderStage</name>
    <message>
        <location filename="../models/order.cpp" line="+15"/>
        <source>Received</source>
        <translation>Recebido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing</source>
        <translation>Em preparo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out for delivery</source>
        <translation>Saiu para entrega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OrderWorkflow</name>
    <message>
        <location filename="../models/orderworkflow.cpp" line="+34"/>
        <source>A %1 order cannot be cancelled.</source>
        <translation>Um pedido com status %1 não pode ser cancelado.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The kitchen moves orders from received to preparing to ready; managers and delivery crew move them on.</source>
        <translation>A cozinha leva os pedidos de recebido a em preparo e a pronto; gerentes e entregadores fazem o resto.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delivery crew take ready orders out and mark them delivered; the kitchen moves the rest.</source>
        <translation>Entregadores saem com os pedidos prontos e os marcam como entregues; a cozinha faz o resto.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>An order cannot move from %1 to %2: it moves forward one stage at a time, and a manager may step back one stage.</source>
        <translation>Um pedido não pode passar de %1 para %2: ele avança uma etapa de cada vez, e um gerente pode voltar uma etapa.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OrdersModel</name>
    <message>
        <location filename="../models/ordersmodel.cpp" line="+109"/>
        <source>Note: %1</source>
        <translation>Observação: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>Em aberto</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placed</source>
        <translation>Feito em</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items</source>
        <translation>Itens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Outbox</name>
    <message>
        <location filename="../models/outbox.cpp" line="+67"/>
        <location line="+47"/>
        <location filename="../models/outboxedits.cpp" line="+267"/>
        <location line="+22"/>
        <location line="+37"/>
        <source>This record is not in the local copy any more.</source>
        <translation>Este registro não está mais na cópia local.</translation>
    </message>
    <message>
        <location filename="../models/outboxedits.cpp" line="-281"/>
        <location line="+56"/>
        <source>A menu item needs a title.</source>
        <translation>Um item do cardápio precisa de um nome.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>A title may have at most %1 characters.</source>
        <translation>Um título pode ter no máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename %1 to %2</source>
        <translation>Renomear %1 para %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+45"/>
        <source>A price must be between %1 and %2.</source>
        <translation>O preço deve estar entre %1 e %2.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Price of %1: %2</source>
        <translation>Preço de %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Feature %1</source>
        <translation>Destacar %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop featuring %1</source>
        <translation>Tirar %1 dos destaques</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is available again</source>
        <translation>%1 está disponível de novo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has run out</source>
        <translation>%1 esgotou</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That category is not known here.</source>
        <translation>Essa categoria não é conhecida aqui.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move %1 to %2</source>
        <translation>Mover %1 para %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a category for the new item.</source>
        <translation>Escolha uma categoria para o novo item.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add %1 to the menu</source>
        <translation>Incluir %1 no cardápio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1 from the menu</source>
        <translation>Tirar %1 do cardápio</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>A category needs a title.</source>
        <translation>Uma categoria precisa de um nome.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Add the category %1</source>
        <translation>Incluir a categoria %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename the category %1 to %2</source>
        <translation>Renomear a categoria %1 para %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order %1: %2</source>
        <translation>Pedido %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order %1 delivered</source>
        <translation>Pedido %1 entregue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order %1 not delivered</source>
        <translation>Pedido %1 não entregue</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order %1: deliver with %2</source>
        <translation>Pedido %1: entrega com %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order %1: no delivery crew</source>
        <translation>Pedido %1: sem entregador</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An order needs at least one item.</source>
        <translation>Um pedido precisa de pelo menos um item.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each quantity must be at least 1.</source>
        <translation>Cada quantidade deve ser pelo menos 1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An item of this order is not on the menu any more.</source>
        <translation>Um item deste pedido não está mais no cardápio.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>A line&apos;s note may have at most %n character(s).</source>
        <translation>
            <numerusform>A observação de uma linha pode ter no máximo %n caractere.</numerusform>
            <numerusform>A observação de uma linha pode ter no máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>New counter order: %n item(s), %1</source>
        <translation>
            <numerusform>Novo pedido no balcão: %n item, %1</numerusform>
            <numerusform>Novo pedido no balcão: %n itens, %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A booking needs a name.</source>
        <translation>Uma reserva precisa de um nome.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A booking needs a date and a time.</source>
        <translation>Uma reserva precisa de data e horário.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A booking is for at least one guest.</source>
        <translation>Uma reserva é para pelo menos uma pessoa.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Book %1 for %n guest(s) on %2 at %3</source>
        <translation>
            <numerusform>Reservar para %1, %n pessoa, em %2 às %3</numerusform>
            <numerusform>Reservar para %1, %n pessoas, em %2 às %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Change the booking of %1</source>
        <translation>Alterar a reserva de %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A booking that is %1 cannot become %2.</source>
        <translation>Uma reserva com status %1 não pode passar para %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Booking of %1: %2</source>
        <translation>Reserva de %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete the booking of %1</source>
        <translation>Excluir a reserva de %1</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>A table needs a name.</source>
        <translation>Uma mesa precisa de um nome.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A table has at least one seat.</source>
        <translation>Uma mesa tem pelo menos um lugar.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Add the table %1</source>
        <translation>Incluir a mesa %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Change the table %1</source>
        <translation>Alterar a mesa %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove the table %1</source>
        <translation>Tirar a mesa %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the user name of the person to add.</source>
        <translation>Digite o nome de usuário da pessoa a incluir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is already in %2.</source>
        <translation>%1 já está em %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add %1 to %2</source>
        <translation>Incluir %1 em %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove %1 from %2</source>
        <translation>Tirar %1 de %2</translation>
    </message>
    <message>
        <location filename="../models/outbox.cpp" line="+233"/>
        <source>Someone else changed this on the server first.</source>
        <translation>Outra pessoa alterou isto no servidor antes.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>This change is being sent right now.</source>
        <translation>Esta alteração está sendo enviada agora.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OutboxEntry</name>
    <message>
        <location filename="../models/outboxentry.cpp" line="+18"/>
        <source>Waiting to be sent</source>
        <translation>Aguardando envio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Recusada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Conflito</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OutboxModel</name>
    <message>
        <location filename="../models/outboxmodel.cpp" line="+56"/>
        <source>Waiting for an earlier change</source>
        <translation>Aguardando uma alteração anterior</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server says</source>
        <translation>O servidor diz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made</source>
        <translation>Feita em</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Permissions</name>
    <message>
        <location filename="../models/permissions.cpp" line="+33"/>
        <source>Only managers, the kitchen and delivery crew move orders along.</source>
        <translation>Só gerentes, a cozinha e entregadores movem os pedidos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This server does not track order stages, so orders cannot be cancelled here.</source>
        <translation>Este servidor não acompanha as etapas dos pedidos, então não é possível cancelar pedidos aqui.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only managers cancel orders.</source>
        <translation>Só gerentes cancelam pedidos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only managers assign delivery crew.</source>
        <translation>Só gerentes atribuem entregadores.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counter orders need a Little Lemon server or standalone mode.</source>
        <translation>Pedidos no balcão precisam de um servidor Little Lemon ou do modo autônomo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counter orders are taken by managers at the counter.</source>
        <translation>Pedidos de balcão são registrados por gerentes no balcão.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only managers change menu items.</source>
        <translation>Só gerentes alteram itens do cardápio.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This server does not keep track of items that ran out; 86&apos;ing needs a Little Lemon server or standalone mode.</source>
        <translation>Este servidor não registra itens esgotados; marcar como esgotado precisa de um servidor Little Lemon ou do modo autônomo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only an administrator adds or deletes menu items.</source>
        <translation>Só um administrador inclui ou exclui itens do cardápio.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only an administrator changes categories.</source>
        <translation>Só um administrador altera categorias.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bookings need a Little Lemon server or standalone mode.</source>
        <translation>Reservas precisam de um servidor Little Lemon ou do modo autônomo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only managers take and change bookings.</source>
        <translation>Só gerentes fazem e alteram reservas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>Tables need a Little Lemon server or standalone mode.</source>
        <translation>Mesas precisam de um servidor Little Lemon ou do modo autônomo.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Only staff see the tables.</source>
        <translation>Só a equipe vê as mesas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only managers set up the tables.</source>
        <translation>Só gerentes configuram as mesas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only managers manage staff.</source>
        <translation>Só gerentes administram a equipe.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accounts are created and passwords reset on the server that holds them; here only in standalone mode.</source>
        <translation>Contas são criadas e senhas redefinidas no servidor que as guarda; aqui, só no modo autônomo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only managers and the kitchen choose the terminal that prints kitchen tickets.</source>
        <translation>Só gerentes e a cozinha escolhem o terminal que imprime os pedidos da cozinha.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only managers see the day&apos;s figures.</source>
        <translation>Só gerentes veem os números do dia.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::NetworkLink</name>
    <message>
        <location filename="../print/printerlink.cpp" line="+39"/>
        <source>The printer did not confirm the ticket.</source>
        <translation>A impressora não confirmou o pedido.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The printer does not answer.</source>
        <translation>A impressora não responde.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::PageLink</name>
    <message>
        <location line="+43"/>
        <source>The printer cannot start a page.</source>
        <translation>A impressora não consegue começar uma página.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The folder %1 cannot be created.</source>
        <translation>Não é possível criar a pasta %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The file %1 cannot be written.</source>
        <translation>Não é possível gravar o arquivo %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system has no printer called %1.</source>
        <translation>O sistema não tem uma impressora chamada %1.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::PrintQueue</name>
    <message>
        <location filename="../print/printqueue.cpp" line="+147"/>
        <source>The print queue %1 cannot use a write-ahead log.</source>
        <translation>A fila de impressão %1 não pode usar um registro antecipado (WAL).</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::PrintService</name>
    <message>
        <location filename="../print/printservice.cpp" line="+67"/>
        <source>this terminal</source>
        <translation>este terminal</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::PrintSpooler</name>
    <message>
        <location filename="../print/printspooler.cpp" line="+140"/>
        <source>The print queue cannot be written.</source>
        <translation>Não é possível gravar a fila de impressão.</translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <source>%1: %n waiting</source>
        <translation>
            <numerusform>%1: %n aguardando</numerusform>
            <numerusform>%1: %n aguardando</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, printer not answering since %1</source>
        <translation>, impressora sem resposta desde %1</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::TicketLayout</name>
    <message>
        <location filename="../print/ticket.cpp" line="+171"/>
        <source>Table %1</source>
        <translation>Mesa %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+25"/>
        <location line="+57"/>
        <source>REPRINT %1</source>
        <translation>REIMPRESSÃO %1</translation>
    </message>
    <message>
        <location line="-80"/>
        <location line="+25"/>
        <source>CHANGED</source>
        <translation>ALTERADO</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <location line="+31"/>
        <location line="+24"/>
        <source>Order #%1</source>
        <translation>Pedido nº %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+26"/>
        <source>Note: %1</source>
        <translation>Obs.: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+22"/>
        <source>%1 each</source>
        <translation>%1 cada</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+21"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+21"/>
        <source>Thank you!</source>
        <translation>Obrigado!</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test page</source>
        <translation>Página de teste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 mm, %2 columns, %3</source>
        <translation>%1 mm, %2 colunas, %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bold</source>
        <translation>Negrito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Double size</source>
        <translation>Tamanho duplo</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Role</name>
    <message>
        <location filename="../models/user.cpp" line="+36"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kitchen</source>
        <translation>Cozinha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery crew</source>
        <translation>Entregador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Managers</source>
        <comment>the people with the role</comment>
        <translation>Gerentes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery crew</source>
        <comment>the people with the role</comment>
        <translation>Entregadores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kitchen</source>
        <comment>the people with the role</comment>
        <translation>Cozinha</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Server::PasswordPolicy</name>
    <message>
        <location filename="../api/server/passwordpolicy.cpp" line="+83"/>
        <source>The password is too similar to the username.</source>
        <translation>A senha é parecida demais com o nome de usuário.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is too similar to the email address.</source>
        <translation>A senha é parecida demais com o endereço de e-mail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This password is too short. It must contain at least %1 characters.</source>
        <translation>Esta senha é curta demais. Ela deve ter pelo menos %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This password is too common.</source>
        <translation>Esta senha é comum demais.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This password is entirely numeric.</source>
        <translation>Esta senha tem só números.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Server::ServerInstance</name>
    <message>
        <location filename="../api/server/serverinstance.cpp" line="+30"/>
        <source>cannot create the data directory %1</source>
        <translation>não é possível criar o diretório de dados %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot load the demo data: %1</source>
        <translation>não é possível carregar os dados de demonstração: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the server is not running</source>
        <translation>o servidor não está em execução</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Server::UserAdmin</name>
    <message>
        <location filename="../api/server/useradmin.cpp" line="+31"/>
        <source>&quot;%1&quot; is not a valid username: up to 150 letters, digits and @/./+/-/_</source>
        <translation>“%1” não é um nome de usuário válido: até 150 letras, dígitos e @/./+/-/_</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+41"/>
        <source>the password is empty</source>
        <translation>a senha está vazia</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>a user named &quot;%1&quot; already exists</source>
        <translation>já existe um usuário chamado “%1”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no user named &quot;%1&quot;</source>
        <translation>não existe usuário chamado “%1”</translation>
    </message>
</context>
<context>
    <name>LittleLemon::ServerEndpoint</name>
    <message>
        <location filename="../api/client/serverendpoint.cpp" line="+17"/>
        <source>&quot;%1&quot; is not a server address. Try something like http://192.168.1.10:8000.</source>
        <translation>“%1” não é um endereço de servidor. Tente algo como http://192.168.1.10:8000.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::StaffModel</name>
    <message>
        <location filename="../models/staffmodel.cpp" line="+64"/>
        <source>User name</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::SyncState</name>
    <message>
        <location filename="../models/entity.cpp" line="+50"/>
        <source>Saved on the server</source>
        <translation>Salvo no servidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent yet</source>
        <translation>Ainda não enviado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the server</source>
        <translation>Recusado pelo servidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed by someone else</source>
        <translation>Alterado por outra pessoa</translation>
    </message>
</context>
<context>
    <name>LittleLemon::TablesModel</name>
    <message>
        <location filename="../models/tablesmodel.cpp" line="+54"/>
        <source>Table</source>
        <translation>Mesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seats</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::AccountDialog</name>
    <message>
        <location filename="../ui/accountdialog.cpp" line="+24"/>
        <source>Create the account</source>
        <translation>Criar a conta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set the password</source>
        <translation>Definir a senha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New account</source>
        <translation>Nova conta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password for %1</source>
        <translation>Nova senha para %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at least 8 characters, not only digits</source>
        <translation>pelo menos 8 caracteres, não só números</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>User name</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Repita a senha</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a user name.</source>
        <translation>Escolha um nome de usuário.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passwords are not the same.</source>
        <translation>As duas senhas não são iguais.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::BoardSettingsDialog</name>
    <message>
        <location filename="../ui/boardsettingsdialog.cpp" line="+15"/>
        <source>Beep until a new order is acknowledged</source>
        <translation>Bipar até o novo pedido ser confirmado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orders board settings</source>
        <translation>Configurações do quadro de pedidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Amber after</source>
        <translation>Amarelo após</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red after</source>
        <translation>Vermelho após</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beep every</source>
        <translation>Bipar a cada</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::BookingDialog</name>
    <message>
        <location filename="../ui/bookingdialog.cpp" line="+38"/>
        <source>Save the booking</source>
        <translation>Salvar a reserva</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Book</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Booking of %1</source>
        <translation>Reserva de %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New booking</source>
        <translation>Nova reserva</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No table yet</source>
        <translation>Ainda sem mesa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (seats %2)</source>
        <translation>%1 (%2 lugares)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Horário</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guests</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Mesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 seats %2; the server will say if it can take more.</source>
        <translation>%1 tem %2 lugares; o servidor dirá se cabem mais pessoas.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Booking saved on this terminal; it goes to the server when it is back.</source>
        <translation>Reserva salva neste terminal; ela vai para o servidor quando ele voltar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending to the server…</source>
        <translation>Enviando ao servidor…</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Booking saved.</source>
        <translation>Reserva salva.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The server refused this booking: %1</source>
        <translation>O servidor recusou esta reserva: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server has not answered yet; the booking stays in the changes waiting.</source>
        <translation>O servidor ainda não respondeu; a reserva fica nas alterações pendentes.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::BookingsPage</name>
    <message>
        <location filename="../ui/bookingspage.cpp" line="+54"/>
        <location line="+65"/>
        <source>New booking…</source>
        <translation>Nova reserva…</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seat</source>
        <translation>Acomodar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Concluir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Não compareceu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel booking</source>
        <translation>Cancelar reserva</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day before (Alt+Left)</source>
        <translation>Dia anterior (Alt+Esquerda)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day after (Alt+Right)</source>
        <translation>Dia seguinte (Alt+Direita)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to today (Alt+Home)</source>
        <translation>Voltar para hoje (Alt+Home)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit the booking…</source>
        <translation>Editar a reserva…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seat the party</source>
        <translation>Acomodar o grupo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Party has left (done)</source>
        <translation>O grupo já saiu (concluída)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as no-show</source>
        <translation>Marcar como não compareceu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the booking</source>
        <translation>Cancelar a reserva</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Tables</source>
        <translation>Mesas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit tables…</source>
        <translation>Editar mesas…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;h2&gt;Bookings need a Little Lemon server&lt;/h2&gt;&lt;p&gt;This server does not keep table bookings (the Little Lemon cloud has none yet). Bookings work with a Little Lemon server on your network, or in standalone mode on this computer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;As reservas precisam de um servidor Little Lemon&lt;/h2&gt;&lt;p&gt;Este servidor não guarda reservas de mesa (a nuvem Little Lemon ainda não tem). As reservas funcionam com um servidor Little Lemon na sua rede, ou no modo autônomo neste computador.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Alt+← / Alt+→</source>
        <translation>Alt+← / Alt+→</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The day before / after</source>
        <translation>Dia anterior / seguinte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Home</source>
        <translation>Alt+Home</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to today</source>
        <translation>Voltar para hoje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the selected booking</source>
        <translation>Editar a reserva selecionada</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Add, rename or remove the dining room&apos;s tables</source>
        <translation>Adicionar, renomear ou remover as mesas do salão</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Select a booking first.</source>
        <translation>Selecione uma reserva primeiro.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <location line="+1"/>
        <source>This booking is %1.</source>
        <translation>Esta reserva está com status %1.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Only a seated party can be done.</source>
        <translation>Só um grupo acomodado pode ser concluído.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No bookings on this day.</source>
        <translation>Nenhuma reserva neste dia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings: %1 · guests: %2</source>
        <translation>Reservas: %1 · pessoas: %2</translation>
    </message>
    <message>
        <location filename="../ui/bookingspage.h" line="+39"/>
        <source>Bookings</source>
        <translation>Reservas</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::CategoriesDialog</name>
    <message>
        <location filename="../ui/categoriesdialog.cpp" line="+26"/>
        <source>Add category</source>
        <translation>Incluir categoria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menu categories</source>
        <translation>Categorias do cardápio</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New category, e.g. Specials</source>
        <translation>Nova categoria, por exemplo: Especiais</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::CounterOrderDialog</name>
    <message>
        <location filename="../ui/counterorderdialog.cpp" line="+42"/>
        <source>Send order</source>
        <translation>Enviar pedido</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Counter order</source>
        <translation>Pedido no balcão</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Find an item</source>
        <translation>Procurar um item</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Observação</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Note for the kitchen (optional)</source>
        <translation>Observação para a cozinha (opcional)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Available items (Enter or tap to add)</source>
        <translation>Itens disponíveis (Enter ou toque para incluir)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This order</source>
        <translation>Este pedido</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Send the order (Ctrl+Enter)</source>
        <translation>Enviar o pedido (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>0 takes the item off the order</source>
        <translation>0 tira o item do pedido</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. no onions</source>
        <translation>p. ex. sem cebola</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Printed under this line on the kitchen ticket (at most %n character(s))</source>
        <translation>
            <numerusform>Impressa abaixo desta linha no pedido da cozinha (no máximo %n caractere)</numerusform>
            <numerusform>Impressa abaixo desta linha no pedido da cozinha (no máximo %n caracteres)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Add at least one item to the order.</source>
        <translation>Adicione pelo menos um item ao pedido.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Counter order saved on this terminal; it will be sent to the kitchen when the server is back.</source>
        <translation>Pedido de balcão guardado neste terminal; será enviado à cozinha quando o servidor voltar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending to the kitchen…</source>
        <translation>Enviando para a cozinha…</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Counter order sent to the kitchen.</source>
        <translation>Pedido de balcão enviado para a cozinha.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The server refused this order: %1</source>
        <translation>O servidor recusou este pedido: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server has not answered yet; the counter order waits in the changes to send.</source>
        <translation>O servidor ainda não respondeu; o pedido de balcão aguarda nas alterações a enviar.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::CrewPickerDialog</name>
    <message>
        <location filename="../ui/crewpickerdialog.cpp" line="+21"/>
        <source>Delivery crew for order #%1</source>
        <translation>Entregador do pedido #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who delivers order #%1?</source>
        <translation>Quem entrega o pedido #%1?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nobody yet</source>
        <translation>Ninguém ainda</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nobody is in the delivery crew yet: add people on the Staff page.</source>
        <translation>Ainda não há entregadores: inclua pessoas na página Equipe.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Assign</source>
        <translation>Atribuir</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::DeskController</name>
    <message>
        <location filename="../ui/deskcontroller.cpp" line="+179"/>
        <source>Standalone mode is not available here.</source>
        <translation>O modo autônomo não está disponível aqui.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The restaurant&apos;s server on this computer did not start: %1</source>
        <translation>O servidor do restaurante neste computador não iniciou: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The cloud&apos;s address starts with https://. Behind a proxy you trust, tick &quot;Allow plain HTTP&quot;.</source>
        <translation>O endereço da nuvem começa com https://. Atrás de um proxy de confiança, marque &quot;Permitir HTTP simples&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is not an address a server can have.</source>
        <translation>Este não é um endereço que um servidor possa ter.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Signing in as %1…</source>
        <translation>Entrando como %1…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Working on this computer&apos;s copy: %1 Trying again in %2 s.</source>
        <translation>Trabalhando com a cópia deste computador: %1 Nova tentativa em %2 s.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Opening the demo restaurant…</source>
        <translation>Abrindo o restaurante de demonstração…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 is a customer account. Little Lemon Desk is for the restaurant&apos;s staff: managers and delivery crew.</source>
        <translation>%1 é uma conta de cliente. O Little Lemon Desk é para a equipe do restaurante: gerentes e entregadores.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Creating the restaurant…</source>
        <translation>Criando o restaurante…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This computer</source>
        <translation>Este computador</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Little Lemon cloud</source>
        <translation>Nuvem Little Lemon</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot open this computer&apos;s copy of the data: %1</source>
        <translation>Não foi possível abrir a cópia dos dados deste computador: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Changes waiting for the server…</source>
        <translation>Alterações aguardando o servidor…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh everything from the server</source>
        <translation>Atualizar tudo a partir do servidor</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; took over printing the kitchen&apos;s tickets; this terminal stopped printing them.</source>
        <translation>&quot;%1&quot; assumiu a impressão dos pedidos da cozinha; este terminal deixou de imprimi-los.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printers…</source>
        <translation>Impressoras…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Serve the restaurant&apos;s network…</source>
        <translation>Atender a rede do restaurante…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Opened from this computer&apos;s copy; signing in…</source>
        <translation>Aberto a partir da cópia deste computador; entrando…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You were signed out: %1</source>
        <translation>Sua sessão foi encerrada: %1</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::EightySixSchedule</name>
    <message>
        <location filename="../ui/eightysixschedule.cpp" line="+69"/>
        <source>This item is no longer on the menu.</source>
        <translation>Este item não está mais no cardápio.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::Language</name>
    <message>
        <location filename="../ui/language.cpp" line="+115"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>As the system (%1)</source>
        <translation>Igual ao sistema (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Little Lemon Desk will use the new language the next time it starts.</source>
        <translation>O Little Lemon Desk usará o novo idioma na próxima vez que for aberto.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+39"/>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Desk</source>
        <translation>&amp;Terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Sincronizar agora</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign out</source>
        <translation>Sair da conta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+141"/>
        <source>About Little Lemon Desk</source>
        <translation>Sobre o Little Lemon Desk</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+51"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&lt;b&gt;Little Lemon Desk %1&lt;/b&gt;&lt;p&gt;The staff terminal of the Little Lemon restaurant: orders, menu, bookings and staff, working offline and in sync.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Little Lemon Desk %1&lt;/b&gt;&lt;p&gt;O terminal da equipe do restaurante Little Lemon: pedidos, cardápio, reservas e equipe, funcionando sem conexão e em sincronia.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::MenuItemDelegate</name>
    <message>
        <location filename="../ui/menuitemdelegate.cpp" line="+31"/>
        <source>A price such as %1: up to %2, 2 decimals at most</source>
        <translation>Um preço como %1: até %2, no máximo 2 casas decimais</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Available</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>86 until tonight</source>
        <translation>Esgotado até o fim do dia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>86</source>
        <translation>Esgotado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Featured</source>
        <translation>Destaque</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::MenuItemDialog</name>
    <message>
        <location filename="../ui/menuitemdialog.cpp" line="+25"/>
        <source>Featured on the menu&apos;s front page</source>
        <translation>Em destaque na capa do cardápio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New menu item</source>
        <translation>Novo item do cardápio</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Title</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to the menu</source>
        <translation>Incluir no cardápio</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Price: %1</source>
        <translation>Preço: %1</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::MenuPage</name>
    <message>
        <location filename="../ui/menupage.cpp" line="+52"/>
        <source>Add item…</source>
        <translation>Incluir item…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete item</source>
        <translation>Excluir item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories…</source>
        <translation>Categorias…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+86"/>
        <source>Search the menu</source>
        <translation>Pesquisar no cardápio</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+202"/>
        <source>86 the item</source>
        <translation>Marcar como esgotado</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Only until the end of the day</source>
        <translation>Só até o fim do dia</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add a menu item…</source>
        <translation>Incluir um item no cardápio…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete the menu item…</source>
        <translation>Excluir o item do cardápio…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo the last menu edit</source>
        <translation>Desfazer a última alteração do cardápio</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Menu categories…</source>
        <translation>Categorias do cardápio…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No menu edit to undo.</source>
        <translation>Nenhuma alteração do cardápio para desfazer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That item is not shown any more; nothing undone.</source>
        <translation>Esse item não aparece mais; nada foi desfeito.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Undone: %1 is as it was.</source>
        <translation>Desfeito: %1 está como era.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All categories</source>
        <translation>Todas as categorias</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Read only: %1</source>
        <translation>Somente leitura: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add a dish or drink (Ctrl+N)</source>
        <translation>Incluir um prato ou bebida (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected item from the menu</source>
        <translation>Tirar do cardápio o item selecionado</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>86 until tonight</source>
        <translation>Esgotado até o fim do dia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put back on</source>
        <translation>Disponibilizar de novo</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is 86&apos;d until tonight; it comes back by itself tomorrow.</source>
        <translation>%1 está esgotado até o fim do dia; volta sozinho amanhã.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is 86&apos;d until someone puts it back.</source>
        <translation>%1 está esgotado até alguém disponibilizá-lo de novo.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select an item first.</source>
        <translation>Selecione um item primeiro.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Delete a menu item</source>
        <translation>Excluir um item do cardápio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 from the menu? Orders that have it keep it.</source>
        <translation>Tirar %1 do cardápio? Os pedidos que já o têm continuam com ele.</translation>
    </message>
    <message>
        <location filename="../ui/menupage.h" line="+37"/>
        <source>Menu</source>
        <translation>Cardápio</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::NetworkServeDialog</name>
    <message>
        <location filename="../ui/networkservedialog.cpp" line="+22"/>
        <source>Let other terminals on this network use this restaurant</source>
        <translation>Deixar outros terminais desta rede usarem este restaurante</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Serve the restaurant&apos;s network</source>
        <translation>Atender a rede do restaurante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The restaurant&apos;s data is on this computer. Other terminals sign in with &quot;A Little Lemon server on this network&quot; and one of these addresses. Keep this computer on while they work.</source>
        <translation>Os dados do restaurante estão neste computador. Os outros terminais entram com “Um servidor Little Lemon nesta rede” e um destes endereços. Mantenha este computador ligado enquanto eles trabalham.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copy the address</source>
        <translation>Copiar o endereço</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not serving the network.</source>
        <translation>Não está atendendo a rede.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This computer has no network address other than itself.</source>
        <translation>Este computador não tem endereço de rede além do próprio.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OrderBoardPage</name>
    <message>
        <location filename="../ui/orderboardpage.cpp" line="+47"/>
        <source>New counter order</source>
        <translation>Novo pedido no balcão</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Search orders: number, item, note, crew</source>
        <translation>Pesquisar pedidos: número, item, observação, entregador</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the orders of one delivery person</source>
        <translation>Mostrar os pedidos de um entregador</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open + today&apos;s finished</source>
        <translation>Em aberto + concluídos hoje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All dates</source>
        <translation>Todas as datas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a day…</source>
        <translation>Escolher um dia…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the newest order nobody has seen yet; click again for the one before</source>
        <translation>Seleciona o pedido mais novo que ninguém viu ainda; clique de novo para o anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Got it</source>
        <translation>Entendi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledge all the new orders (Ctrl+K)</source>
        <translation>Confirmar todos os pedidos novos (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Undo the last move</source>
        <translation>Desfazer a última mudança</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign delivery crew…</source>
        <translation>Atribuir entregador…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the order</source>
        <translation>Cancelar o pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New counter order…</source>
        <translation>Novo pedido no balcão…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge new orders</source>
        <translation>Confirmar novos pedidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search orders</source>
        <translation>Pesquisar pedidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order details</source>
        <translation>Detalhes do pedido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orders board settings…</source>
        <translation>Configurações do quadro de pedidos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show cancelled orders</source>
        <translation>Mostrar pedidos cancelados</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>← → ↑ ↓</source>
        <translation>← → ↑ ↓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select an order (across columns with ← →)</source>
        <translation>Selecionar um pedido (entre colunas com ← →)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or Space</source>
        <translation>Enter ou Espaço</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected order to the next stage</source>
        <translation>Passar o pedido selecionado para a próxima etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected order one stage back</source>
        <translation>Voltar o pedido selecionado uma etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click</source>
        <translation>Clique duplo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the order in full</source>
        <translation>Mostrar o pedido completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a card</source>
        <translation>Arrastar um cartão</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the order to the column it is dropped on</source>
        <translation>Levar o pedido para a coluna onde ele for solto</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Open</source>
        <translation>Em aberto</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Take a walk-in or phone order (Ctrl+N)</source>
        <translation>Anotar um pedido no balcão ou por telefone (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This server knows only open and delivered: the kitchen&apos;s stages, counter orders and cancelling need a Little Lemon server.</source>
        <translation>Este servidor só conhece aberto e entregue: as etapas da cozinha, os pedidos no balcão e o cancelamento precisam de um servidor Little Lemon.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Any crew</source>
        <translation>Qualquer entregador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No crew yet</source>
        <translation>Ainda sem entregador</translation>
    </message>
    <message>
        <location filename="../ui/orderboardactions.cpp" line="+76"/>
        <source>Order #%1: %2 (Ctrl+Z to undo)</source>
        <translation>Pedido #%1: %2 (Ctrl+Z para desfazer)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Order #%1 is %2: it cannot move on.</source>
        <translation>O pedido #%1 está em %2: não pode avançar.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Order #%1 cannot go back from %2.</source>
        <translation>O pedido #%1 não pode voltar de %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No move to undo.</source>
        <translation>Nenhuma mudança para desfazer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order #%1 has changed since; nothing undone.</source>
        <translation>O pedido #%1 mudou desde então; nada foi desfeito.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order #%1 back to %2.</source>
        <translation>Pedido #%1 de volta a %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Order #%1: %2 will deliver it.</source>
        <translation>Pedido #%1: %2 vai entregá-lo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order #%1: nobody delivers it yet.</source>
        <translation>Pedido #%1: ainda sem entregador.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+20"/>
        <source>Select an order first.</source>
        <translation>Selecione um pedido primeiro.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Move to</source>
        <translation>Mover para</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <location filename="../ui/orderboardarrivals.cpp" line="+91"/>
        <source>Order #%1 was cancelled on another terminal.</source>
        <translation>O pedido #%1 foi cancelado em outro terminal.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Order #%1 was removed on another terminal.</source>
        <translation>O pedido #%1 foi removido em outro terminal.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n orders were removed on another terminal.</source>
        <translation>
            <numerusform>%n pedido foi removido em outro terminal.</numerusform>
            <numerusform>%n pedidos foram removidos em outro terminal.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1 and %2 more</source>
        <translation>%1 e mais %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New order %1</source>
        <translation>Novo pedido %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 new orders — %2</source>
        <translation>%1 pedidos novos — %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>These orders are as of %1 and may have changed since.</source>
        <translation>Estes pedidos são de %1 e podem ter mudado desde então.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has been read from the server yet: orders may be missing.</source>
        <translation>Nada foi lido do servidor ainda: podem faltar pedidos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not up to date: %1 %2 The board catches up by itself when the server answers again.</source>
        <translation>Desatualizado: %1 %2 O quadro se atualiza sozinho quando o servidor voltar a responder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not up to date: the last sync stopped. %1 %2 Press F5 to try again; if it keeps happening, tell whoever runs your server.</source>
        <translation>Desatualizado: a última sincronização parou. %1 %2 Pressione F5 para tentar de novo; se continuar acontecendo, avise quem cuida do seu servidor.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Order #%1 is hidden by the filters.</source>
        <translation>O pedido #%1 está oculto pelos filtros.</translation>
    </message>
    <message>
        <location filename="../ui/orderboardpage.h" line="+48"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OrderCardDelegate</name>
    <message>
        <location filename="../ui/ordercarddelegate.cpp" line="+41"/>
        <source>just now</source>
        <translation>agora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Out for delivery ›</source>
        <translation>Saiu para entrega ›</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>NEW</source>
        <translation>NOVO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent</source>
        <translation>não enviado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>today</source>
        <translation>hoje</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>crew assigned</source>
        <translation>entregador definido</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Note: %1</source>
        <translation>Observação: %1</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>no crew</source>
        <translation>sem entregador</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OrderColumn</name>
    <message>
        <location filename="../ui/ordercolumn.cpp" line="+55"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OrderDetailsDialog</name>
    <message>
        <location filename="../ui/orderdetailsdialog.cpp" line="+21"/>
        <source>Order #%1</source>
        <translation>Pedido #%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New order</source>
        <translation>Novo pedido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This order is no longer here.</source>
        <translation>Este pedido não está mais aqui.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date: %1</source>
        <translation>Data: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery: %1</source>
        <translation>Entrega: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery: nobody yet</source>
        <translation>Entrega: ninguém ainda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>Observação: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>Qtd.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>Preço unitário</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1
  Note: %2</source>
        <translation>%1
  Nota: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 — %2%3</source>
        <translation>%1 — %2%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History:
%1</source>
        <translation>Histórico:
%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print ticket</source>
        <translation>Imprimir pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print receipt</source>
        <translation>Imprimir recibo</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n ticket(s) queued.</source>
        <translation>
            <numerusform>%n pedido na fila de impressão.</numerusform>
            <numerusform>%n pedidos na fila de impressão.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>No printer is set up (Desk &gt; Printers).</source>
        <translation>Nenhuma impressora configurada (Terminal &gt; Impressoras).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipt queued.</source>
        <translation>Recibo na fila de impressão.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OutboxDialog</name>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="+33"/>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Send again</source>
        <translation>Enviar de novo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>Ficar com a minha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>Ficar com a do outro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Sincronizar agora</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes waiting for the server</source>
        <translation>Alterações aguardando o servidor</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Put a refused change back in the queue as it is</source>
        <translation>Colocar de volta na fila, como está, uma alteração recusada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget this change; the server&apos;s version stays</source>
        <translation>Esquecer esta alteração; fica a versão do servidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send my change again on top of what the other person did</source>
        <translation>Enviar de novo minha alteração por cima da que a outra pessoa fez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop my change and keep the other person&apos;s</source>
        <translation>Descartar minha alteração e ficar com a da outra pessoa</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Offline. Changes are kept here and sent when the server is back.</source>
        <translation>Sem conexão. As alterações ficam guardadas aqui e são enviadas quando o servidor voltar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing with the server…</source>
        <translation>Sincronizando com o servidor…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online.</source>
        <translation>Conectado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last sync: %1.</source>
        <translation>Última sincronização: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not synced yet.</source>
        <translation>Ainda não sincronizado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is waiting: the server has every change.</source>
        <translation>Nada pendente: o servidor tem todas as alterações.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not on the server yet: %1.</source>
        <translation>Ainda não está no servidor: %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;i&gt;Select a change to see it in full.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Selecione uma alteração para vê-la por inteiro.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;p&gt;The server said: &lt;i&gt;%1&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;O servidor disse: &lt;i&gt;%1&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mine</source>
        <translation>Minha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On the server now</source>
        <translation>No servidor agora</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;Waits for an earlier change to reach the server first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aguarda uma alteração anterior chegar ao servidor primeiro.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::PrintersDialog</name>
    <message>
        <location filename="../ui/printersdialog.cpp" line="+30"/>
        <source>Printers</source>
        <translation>Impressoras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each printer is a station. Categories print at the station chosen below; the rest at the first printer.</source>
        <translation>Cada impressora é uma estação. As categorias imprimem na estação escolhida abaixo; o resto na primeira impressora.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Station</source>
        <translation>Estação</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code page</source>
        <translation>Página de código</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipts</source>
        <translation>Recibos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A network printer&apos;s address (host:port), a system printer&apos;s name, or a folder</source>
        <translation>O endereço de uma impressora de rede (host:porta), o nome de uma impressora do sistema ou uma pasta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer&apos;s character table: CP858 for € and Western Europe, CP860 for Portuguese</source>
        <translation>A tabela de caracteres da impressora: CP858 para € e Europa Ocidental, CP860 para português</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add printer</source>
        <translation>Adicionar impressora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a test page</source>
        <translation>Imprimir página de teste</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prints at</source>
        <translation>Imprime em</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This terminal prints kitchen tickets for new orders</source>
        <translation>Este terminal imprime os pedidos novos para a cozinha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn this on at one terminal of the restaurant only: each terminal with it on prints every new order.</source>
        <translation>Ative isto em um só terminal do restaurante: cada terminal com isto ativo imprime todos os pedidos novos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Take over</source>
        <translation>Assumir</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Network ESC/POS</source>
        <translation>ESC/POS em rede</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>System printer</source>
        <translation>Impressora do sistema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF to a folder</source>
        <translation>PDF numa pasta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Add a printer first</source>
        <translation>Adicione uma impressora antes</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Row %1: each printer needs its own station name and an address, printer or folder.</source>
        <translation>Linha %1: cada impressora precisa de um nome de estação próprio e de um endereço, impressora ou pasta.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The printers could not be saved on this computer.</source>
        <translation>Não foi possível salvar as impressoras neste computador.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This server does not record which terminal prints the kitchen&apos;s tickets: the choice is made per terminal, and Little Lemon Desk cannot check whether another terminal has it on. Turn it on at one terminal only.</source>
        <translation>Este servidor não registra qual terminal imprime os pedidos da cozinha: a escolha é feita em cada terminal, e o Little Lemon Desk não consegue verificar se outro terminal também a ativou. Ative-a em um terminal só.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not ask the server which terminal prints the kitchen&apos;s tickets: %1</source>
        <translation>Não foi possível perguntar ao servidor qual terminal imprime os pedidos da cozinha: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No terminal prints the kitchen&apos;s tickets at the moment.</source>
        <translation>No momento nenhum terminal imprime os pedidos da cozinha.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>This terminal (%1) prints the kitchen&apos;s tickets.</source>
        <translation>Este terminal (%1) imprime os pedidos da cozinha.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>The kitchen&apos;s tickets print at &quot;%1&quot;.</source>
        <translation>Os pedidos da cozinha são impressos em &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&quot;%1&quot; already prints the kitchen&apos;s tickets. If this terminal printed them too, every ticket would come out twice, so it does not. Take over to print them here instead; &quot;%1&quot; then stops.</source>
        <translation>&quot;%1&quot; já imprime os pedidos da cozinha. Se este terminal também os imprimisse, cada pedido sairia duas vezes, então ele não imprime. Use Assumir para imprimi-los aqui; &quot;%1&quot; então para.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not check with the server whether another terminal prints the kitchen&apos;s tickets, so this terminal does not print them yet: %1</source>
        <translation>Não foi possível verificar com o servidor se outro terminal imprime os pedidos da cozinha, então este terminal ainda não os imprime: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No printers on this terminal yet.</source>
        <translation>Ainda não há impressoras neste terminal.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::ReportView</name>
    <message>
        <location filename="../ui/reportview.cpp" line="+49"/>
        <location line="+32"/>
        <location line="+1"/>
        <location line="+2"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+29"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+4"/>
        <source>Revenue</source>
        <translation>Faturamento</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Average ticket</source>
        <translation>Tíquete médio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>By category</source>
        <translation>Por categoria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By dish</source>
        <translation>Por prato</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Dish</source>
        <translation>Prato</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter and online</source>
        <translation>Balcão e online</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taken</source>
        <translation>Feito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery crew</source>
        <translation>Entregadores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delivered</source>
        <translation>Entregues</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median, received to delivered</source>
        <translation>Mediana, de recebido a entregue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time in each stage</source>
        <translation>Tempo em cada etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold out</source>
        <translation>Esgotados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Times</source>
        <translation>Vezes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Por quanto tempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrections to closed days</source>
        <translation>Correções de dias fechados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed day</source>
        <translation>Dia fechado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Mudança</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no longer on the menu)</source>
        <translation>(fora do cardápio)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>At the counter</source>
        <translation>No balcão</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (still sold out)</source>
        <translation> (ainda esgotado)</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::ReportsPage</name>
    <message>
        <location filename="../ui/reportspage.cpp" line="+41"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show (X report)</source>
        <translation>Mostrar (relatório X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The figures of the period, as they are now; nothing is stored.</source>
        <translation>Os números do período, como estão agora; nada é guardado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the day (Z)…</source>
        <translation>Fechar o dia (Z)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the report as PDF</source>
        <translation>Exportar o relatório em PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the report as CSV</source>
        <translation>Exportar o relatório em CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the report</source>
        <translation>Mostrar o relatório</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the period&apos;s orders as CSV…</source>
        <translation>Exportar os pedidos do período em CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the orders as CSV</source>
        <translation>Exportar os pedidos em CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the period&apos;s order lines as CSV…</source>
        <translation>Exportar os itens dos pedidos do período em CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the order lines as CSV</source>
        <translation>Exportar os itens dos pedidos em CSV</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Store this day&apos;s figures for good as a numbered Z report.</source>
        <translation>Guardar os números deste dia para sempre num relatório Z numerado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This server keeps no Z reports (the cloud): the figures here are computed from this desk&apos;s copy of the orders.</source>
        <translation>Este servidor não guarda relatórios Z (a nuvem): os números aqui são calculados a partir da cópia dos pedidos neste terminal.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the report from %1…</source>
        <translation>Lendo o relatório de %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figures from %1.</source>
        <translation>Números de %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server did not answer (%1): figures computed from this desk&apos;s copy.</source>
        <translation>O servidor não respondeu (%1): números calculados a partir da cópia deste terminal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Figures computed from this desk&apos;s copy of the orders (this server keeps no reports; sold-out times are not known here).</source>
        <translation>Números calculados a partir da cópia dos pedidos neste terminal (este servidor não guarda relatórios; os períodos de esgotado não são conhecidos aqui).</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n order(s) without a time of day are left out of the hours.</source>
        <translation>
            <numerusform>%n pedido sem hora ficou fora das horas.</numerusform>
            <numerusform>%n pedidos sem hora ficaram fora das horas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>Close the day</source>
        <translation>Fechar o dia</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Close %1 and store its Z report?</source>
        <translation>Fechar %1 e guardar o relatório Z?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The figures are stored for good and numbered; they can never be changed. A later change to one of that day&apos;s orders shows as a correction in the next open day&apos;s report.</source>
        <translation>Os números são guardados para sempre e numerados; nunca podem ser alterados. Uma mudança posterior num pedido desse dia aparece como correção no relatório do próximo dia aberto.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 is closed: Z report No. %2.</source>
        <translation>%1 está fechado: relatório Z nº %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>Saved %1.</source>
        <translation>%1 gravado.</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>Cannot write %1.</source>
        <translation>Não foi possível gravar %1.</translation>
    </message>
    <message>
        <location filename="../ui/reportspage.h" line="+28"/>
        <source>Reports</source>
        <translation>Relatórios</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.cpp" line="+31"/>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Onde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>O que faz</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Everywhere</source>
        <translation>Em todo lugar</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+53"/>
        <source>This computer (standalone)</source>
        <translation>Este computador (autônomo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Little Lemon server on this network</source>
        <translation>Um servidor Little Lemon nesta rede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Little Lemon cloud</source>
        <translation>Nuvem Little Lemon</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep me signed in on this computer</source>
        <translation>Manter conectado neste computador</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <location line="+323"/>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location line="-318"/>
        <source>Little Lemon Desk</source>
        <translation>Little Lemon Desk</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Address, e.g. 192.168.1.10:8000</source>
        <translation>Endereço, por exemplo: 192.168.1.10:8000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Where does the restaurant&apos;s data live?</source>
        <translation>Onde ficam os dados do restaurante?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Allow plain HTTP: unencrypted, only behind a proxy you trust</source>
        <translation>Permitir HTTP simples: sem criptografia, só atrás de um proxy de confiança</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without HTTPS your password and the restaurant&apos;s data cross the network as they are.</source>
        <translation>Sem HTTPS, sua senha e os dados do restaurante atravessam a rede como estão.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>User name</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+38"/>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>e.g. Little Lemon Chicago</source>
        <translation>por exemplo: Little Lemon Chicago</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at least 8 characters</source>
        <translation>pelo menos 8 caracteres</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restaurant name</source>
        <translation>Nome do restaurante</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Welcome! Nothing is set up on this computer yet. Name your restaurant and create the first manager (administrator) account: it can do everything, including adding staff.</source>
        <translation>Bem-vindo! Nada está configurado neste computador ainda. Dê um nome ao restaurante e crie a primeira conta de gerente (administrador): ela pode fazer tudo, inclusive cadastrar a equipe.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Manager (administrator) user name</source>
        <translation>Usuário do gerente (administrador)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password again</source>
        <translation>Repita a senha</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signs you in by itself next time, with a key kept in this computer&apos;s keychain (never your password).</source>
        <translation>Da próxima vez você entra automaticamente, com uma chave guardada no chaveiro deste computador (nunca a sua senha).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Standalone mode is not available in this build.</source>
        <translation>O modo autônomo não está disponível nesta versão.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>This computer has no password keychain, so Little Lemon cannot keep you signed in: you will type your password each time it starts.</source>
        <translation>Este computador não tem um chaveiro de senhas, então o Little Lemon não pode manter você conectado: você digitará sua senha cada vez que ele abrir.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Create the restaurant</source>
        <translation>Criar o restaurante</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keeps the restaurant&apos;s data on this computer; no internet needed.</source>
        <translation>Guarda os dados do restaurante neste computador; não precisa de internet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting the restaurant&apos;s server on this computer…</source>
        <translation>Iniciando o servidor do restaurante neste computador…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready. Data in %1</source>
        <translation>Pronto. Dados em %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is ready. Data in %2</source>
        <translation>%1 está pronto. Dados em %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The restaurant&apos;s server on this computer did not start: %1</source>
        <translation>O servidor do restaurante neste computador não iniciou: %1</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Trust this certificate and sign in</source>
        <translation>Confiar neste certificado e entrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if the fingerprint matches the one your server shows:
%1</source>
        <translation>Só se a impressão digital for igual à que o seu servidor mostra:
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This server&apos;s certificate is not signed by an authority this computer knows. Trust it only if its SHA-256 fingerprint is the one your server shows: %1</source>
        <translation>O certificado deste servidor não é assinado por uma autoridade que este computador conhece. Confie nele só se a impressão digital SHA-256 for a que o seu servidor mostra: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose where the restaurant&apos;s data lives: this computer, a server on this network or the cloud.</source>
        <translation>Escolha onde ficam os dados do restaurante: neste computador, num servidor desta rede ou na nuvem.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the server&apos;s address, e.g. 192.168.1.10:8000.</source>
        <translation>Digite o endereço do servidor, por exemplo: 192.168.1.10:8000.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the cloud&apos;s address, e.g. https://…</source>
        <translation>Digite o endereço da nuvem, por exemplo: https://…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the restaurant a name.</source>
        <translation>Dê um nome ao restaurante.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a user name for the manager (administrator).</source>
        <translation>Escolha um nome de usuário para o gerente (administrador).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two passwords are not the same.</source>
        <translation>As duas senhas não são iguais.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password needs at least 8 characters.</source>
        <translation>A senha precisa de pelo menos 8 caracteres.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type your user name.</source>
        <translation>Digite seu nome de usuário.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your password.</source>
        <translation>Digite sua senha.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::StaffPage</name>
    <message>
        <location filename="../ui/staffpage.cpp" line="+55"/>
        <source>Accounts on this computer</source>
        <translation>Contas neste computador</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+30"/>
        <source>New account…</source>
        <translation>Nova conta…</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Reset password…</source>
        <translation>Redefinir senha…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+148"/>
        <source>Deactivate</source>
        <translation>Desativar</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>A deactivated account cannot sign in and is signed out of every terminal now.</source>
        <translation>Uma conta desativada não pode entrar e sai agora de todos os terminais.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out everywhere</source>
        <translation>Sair de todos os terminais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every terminal where this person is signed in asks for the password again.</source>
        <translation>Todo terminal em que esta pessoa entrou pedirá a senha novamente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete account…</source>
        <translation>Excluir conta…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Accounts are managed on the cloud&apos;s own site: this desk cannot deactivate or delete an account, reset a password or sign someone out there.</source>
        <translation>As contas são gerenciadas no próprio site da nuvem: este balcão não pode desativar nem excluir uma conta, redefinir uma senha nem desconectar alguém lá.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts are managed on the restaurant&apos;s server with littlelemon-server user deactivate, delete or sign-out; this desk cannot do it from here.</source>
        <translation>As contas são gerenciadas no servidor do restaurante com littlelemon-server user deactivate, delete ou sign-out; este balcão não pode fazer isso daqui.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>User name to add</source>
        <translation>Nome de usuário a incluir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Incluir</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+189"/>
        <source>Remove from %1</source>
        <translation>Remover de %1</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Add the person with this user name to %1</source>
        <translation>Incluir em %1 a pessoa com este nome de usuário</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>%1 removed from %2.</source>
        <translation>%1 removido de %2.</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Activate</source>
        <translation>Ativar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 is deactivated and signed out of every terminal.</source>
        <translation>%1 foi desativado e saiu de todos os terminais.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 may sign in again.</source>
        <translation>%1 pode entrar novamente.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is signed out of every terminal.</source>
        <translation>%1 saiu de todos os terminais.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete account</source>
        <translation>Excluir conta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the account %1? They are signed out everywhere and cannot sign in again. Their orders and bookings keep the name.</source>
        <translation>Excluir a conta %1? A pessoa sai de todos os terminais e não poderá entrar novamente. Os pedidos e reservas mantêm o nome.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Account %1 deleted.</source>
        <translation>Conta %1 excluída.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the user name of the person to add.</source>
        <translation>Digite o nome de usuário da pessoa a incluir.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 added; the server confirms it with the next sync.</source>
        <translation>%1 incluído; o servidor confirma na próxima sincronização.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove %1 from %2? They keep their account.</source>
        <translation>Remover %1 de %2? A conta continua existindo.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 and %2</source>
        <translation>%1 e %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (deactivated)</source>
        <translation>%1 (desativada)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Account %1 created.</source>
        <translation>Conta %1 criada.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New password set for %1.</source>
        <translation>Nova senha definida para %1.</translation>
    </message>
    <message>
        <location filename="../ui/staffpage.h" line="+31"/>
        <source>Staff</source>
        <translation>Equipe</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::SyncStatusWidget</name>
    <message>
        <location filename="../ui/syncstatuswidget.cpp" line="+98"/>
        <source>Offline</source>
        <translation>Sem conexão</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync stopped</source>
        <translation>Sincronização parada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>waiting: %1</source>
        <translation>pendentes: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused: %1</source>
        <translation>recusadas: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to resolve: %1</source>
        <translation>a resolver: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all changes saved</source>
        <translation>todas as alterações salvas</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not synced yet</source>
        <translation>ainda não sincronizado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>synced just now</source>
        <translation>sincronizado agora mesmo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>synced %1 min ago</source>
        <translation>sincronizado há %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last sync %1</source>
        <translation>última sincronização %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>live</source>
        <translation>ao vivo</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>checking every %n s</source>
        <translation>
            <numerusform>verificando a cada %n s</numerusform>
            <numerusform>verificando a cada %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+6"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Click to see the changes waiting for the server.</source>
        <translation>Clique para ver as alterações aguardando o servidor.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Cloud: online</source>
        <translation>Nuvem: on-line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud: online, 1 change waiting</source>
        <translation>Nuvem: on-line, 1 alteração pendente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud: online, %1 changes waiting</source>
        <translation>Nuvem: on-line, %1 alterações pendentes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cloud: offline since %1, 1 change waiting</source>
        <translation>Nuvem: off-line desde %1, 1 alteração pendente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud: offline since %1, %2 changes waiting</source>
        <translation>Nuvem: off-line desde %1, %2 alterações pendentes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · 1 notice</source>
        <translation> · 1 aviso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 notices</source>
        <translation> · %1 avisos</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::TableOccupancyStrip</name>
    <message>
        <location filename="../ui/tableoccupancystrip.cpp" line="+139"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No table</source>
        <translation>Sem mesa</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No tables yet</source>
        <translation>Ainda não há mesas</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::TablesDialog</name>
    <message>
        <location filename="../ui/tablesdialog.cpp" line="+29"/>
        <source>Add table</source>
        <translation>Adicionar mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove table…</source>
        <translation>Remover mesa…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tables</source>
        <translation>Mesas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New table, e.g. T7 or Terrace 2</source>
        <translation>Nova mesa, p. ex. M7 ou Varanda 2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> seats</source>
        <translation> lugares</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>To rename a table or change its seats, select it and press F2 or double-click.</source>
        <translation>Para renomear uma mesa ou mudar seus lugares, selecione-a e pressione F2 ou dê um duplo clique.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>There is a table called %1 already.</source>
        <translation>Já existe uma mesa chamada %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Table %1 (%n seat(s)) added.</source>
        <translation>
            <numerusform>Mesa %1 (%n lugar) adicionada.</numerusform>
            <numerusform>Mesa %1 (%n lugares) adicionada.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Remove table</source>
        <translation>Remover mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove table %1? A table with bookings still to come stays until they are moved.</source>
        <translation>Remover a mesa %1? Uma mesa com reservas por vir fica até que elas sejam mudadas.</translation>
    </message>
</context>
</TS>
